/**
 * `ksmail route <案例>`: where to go for one case — the official channels in order, the To/Cc with
 * their status, the backup address, and where not to go — the same answer the case pages show.
 * Without a case it lists the cases.
 */
import { shanghaiDate } from '../../lib/shanghai-time';
import { caseList, resolveRoute, routeJson, routeLines, UnknownCaseError } from '../../lib/routing';
import { defineCommand, JSON_OPTION } from '../command';
import { guideData } from '../data';
import { UsageError } from '../errors';
import { printJson } from '../output';

export const route = defineCommand({
  name: 'route',
  description: '按案例列出先走哪个官方渠道、收件人与抄送（含核实状态）、不该去哪里',
  usage: ['route [<案例>] [--json]'],
  options: [JSON_OPTION],
  run({ positionals, values, io }) {
    if (positionals.length > 1)
      throw new UsageError(`route 只接受一个案例，收到 ${positionals.length} 个：${positionals.join(' ')}`);
    const data = guideData();
    const caseId = positionals[0];
    if (caseId === undefined) {
      const cases = caseList(data);
      if (values.json) printJson(io, cases);
      else for (const item of cases) io.stdout(`${item.id}  ${item.need}`);
      return 0;
    }
    try {
      const resolved = resolveRoute(caseId.trim(), data, shanghaiDate(Date.now()));
      if (values.json) printJson(io, routeJson(resolved));
      else for (const line of routeLines(resolved)) io.stdout(line);
      return 0;
    } catch (error) {
      if (error instanceof UnknownCaseError) throw new UsageError(error.message);
      throw error;
    }
  },
});
