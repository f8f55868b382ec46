/**
 * The rule and guide data a command needs, loaded through src/lib/node. What goes wrong with the
 * data while loading (an unknown --rules version, a ruleset whose examples fail, a broken YAML
 * file, a missing cadence) becomes a DataError, reported as bad input (exit 2); a bug in the code
 * (TypeError, ReferenceError, RangeError) stays an internal error.
 */
import { loadGuideData } from '../lib/node/load-guide-data';
import { loadLawRegistry } from '../lib/node/load-law';
import { loadCompiledAttachmentRules, loadCompiledRules } from '../lib/node/load-ruleset';
import { loadPlanContext } from '../lib/node/planner-context';
import { DataError } from './errors';

function loading<T>(load: () => T): T {
  try {
    return load();
  } catch (error) {
    if (error instanceof TypeError || error instanceof ReferenceError || error instanceof RangeError)
      throw error;
    throw new DataError(error instanceof Error ? error.message : String(error), { cause: error });
  }
}

/** `--rules <版本>`; without it (or empty) the version in effect today. */
const ruleOptions = (version: string | undefined) => (version ? { version } : {});

export const compiledRules = (version: string | undefined) =>
  loading(() => loadCompiledRules(ruleOptions(version)));

export const attachmentRules = (version: string | undefined) =>
  loading(() => loadCompiledAttachmentRules(ruleOptions(version)));

export const planContext = (version: string | undefined) =>
  loading(() => loadPlanContext(ruleOptions(version)));

export const guideData = () => loading(() => loadGuideData());

/** The statute registry as stored (a stale review is shown by `ksmail law`, not refused). */
export const lawRegistry = (today: string) =>
  loading(() => loadLawRegistry(undefined, today, { guard: false }));
