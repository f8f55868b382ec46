/**
 * Reads .ics files with Python's `icalendar` package (the RFC 5545 library the issue names), so
 * our calendar files are judged by a second implementation we did not write, beside ical.js.
 * Debian ships it as python3-icalendar for its own /usr/bin/python3, which may not be the first
 * python3 on PATH (pyenv), so both are tried. Missing everywhere: the caller's test fails with
 * how to install it, never skips.
 */
import { spawnSync } from 'node:child_process';

export interface PythonIcsEvent {
  uid: string;
  summary: string;
  description: string;
  start: string;
  alarms: string[];
}

const SCRIPT = String.raw`
import json, sys
import icalendar
def read(text):
  calendar = icalendar.Calendar.from_ical(text)
  events = []
  for event in calendar.walk("VEVENT"):
    events.append({
      "uid": str(event.get("uid")),
      "summary": str(event.get("summary")),
      "description": str(event.get("description", "")),
      "start": event.decoded("dtstart").isoformat(),
      "alarms": [str(alarm.get("description", "")) for alarm in event.walk("VALARM")],
    })
  return events
print(json.dumps([read(text) for text in json.loads(sys.stdin.read())], ensure_ascii=False))
`;

const PYTHONS = ['python3', '/usr/bin/python3'];

/** Each .ics as Python's icalendar reads it: its events, in file order. */
export function readIcsWithPython(files: string[]): PythonIcsEvent[][] {
  const problems: string[] = [];
  for (const python of PYTHONS) {
    const run = spawnSync(python, ['-c', SCRIPT], { input: JSON.stringify(files), encoding: 'utf8' });
    if (run.error) problems.push(`${python}: ${run.error.message}`);
    else if (run.status !== 0 && /No module named .icalendar/.test(run.stderr))
      problems.push(`${python}: no icalendar module`);
    else if (run.status !== 0) throw new Error(`Python's icalendar failed on the .ics:\n${run.stderr}`);
    else return JSON.parse(run.stdout) as PythonIcsEvent[][];
  }
  throw new Error(
    `Python's icalendar is required by this test (${problems.join('; ')}). Install it: apt-get install python3-icalendar (or pip install icalendar).`,
  );
}
