// textlint-rule-prh ships no types; the benchmark passes it to @textlint/kernel as it is.
declare module 'textlint-rule-prh' {
  const rule: unknown;
  export default rule;
}
