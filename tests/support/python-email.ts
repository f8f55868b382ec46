/**
 * Reads .eml files with Python's standard `email` package (policy.default, the strict modern
 * parser), so our MIME is judged by an implementation we did not write. python3 is required:
 * without it the caller's test fails with a message saying how to install it, never skips.
 */
import { spawnSync } from 'node:child_process';

export interface PythonMail {
  subject: string;
  to: [name: string, address: string][];
  cc: [name: string, address: string][];
  attachments: { filename: string | null; contentType: string; size: number }[];
  /** Defects Python noted anywhere in the message (empty for a clean one). */
  defects: string[];
  /** Header lines longer than 78 / 998 characters. */
  over78: string[];
  over998: string[];
}

const SCRIPT = String.raw`
import email, json, sys
from email import policy
def read(raw):
  message = email.message_from_bytes(raw, policy=policy.default)
  attachments = []
  defects = [type(d).__name__ for part in message.walk() for d in part.defects]
  # The header block of the message and of every MIME part (what follows each boundary line).
  part_heads = []
  for chunk in raw.split(b"\r\n--"):
      part_heads.extend(chunk.split(b"\r\n\r\n", 1)[0].decode("ascii", "replace").split("\r\n"))
  for part in message.iter_attachments():
      attachments.append({"filename": part.get_filename(), "contentType": part.get_content_type(),
                          "size": len(part.get_payload(decode=True) or b"")})
  def addresses(name):
      return [[a.display_name, a.addr_spec] for v in message.get_all(name, []) for a in v.addresses]
  for name in ("to", "cc", "subject"):
      for value in message.get_all(name, []):
          defects.extend(type(d).__name__ for d in getattr(value, "defects", []))
  return {
      "subject": str(message.get("subject", "")),
      "to": addresses("to"), "cc": addresses("cc"),
      "attachments": attachments, "defects": defects,
      "over78": [l for l in part_heads if len(l) > 78],
      "over998": [l for l in part_heads if len(l) > 998],
  }
print(json.dumps([read(raw.encode("utf-8", "surrogateescape")) for raw in json.loads(sys.stdin.read())], ensure_ascii=False))
`;

/** Each .eml as Python's email package reads it (one python3 process for all of them). */
export function readAllWithPython(emls: string[]): PythonMail[] {
  const run = spawnSync('python3', ['-c', SCRIPT], {
    input: JSON.stringify(emls),
    encoding: 'utf8',
    maxBuffer: 256 << 20,
  });
  if (run.error)
    throw new Error(
      `python3 is required by this test (Python's email package checks our .eml): ${run.error.message}. Install it (apt-get install python3).`,
    );
  if (run.status !== 0) throw new Error(`python3 failed on the .eml:\n${run.stderr}`);
  return JSON.parse(run.stdout) as PythonMail[];
}

export const readWithPython = (eml: string): PythonMail => readAllWithPython([eml])[0]!;
