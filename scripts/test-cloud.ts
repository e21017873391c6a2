/**
 * `npm run test:cloud -- <provider>`: runs `test/cloud/<provider>.ts`'s `run()` — the contract
 * suites against the real services of one provider — and exits with its code (2 when nothing
 * could run, e.g. without credentials; never a pass then). CI does not run it.
 */
const providers = ["aws", "azure"] as const;
const provider = process.argv[2];
if (!providers.includes(provider as (typeof providers)[number])) {
  process.stderr.write(`Usage: npm run test:cloud -- <${providers.join("|")}>\n`);
  process.exit(2);
}
const module = (await import(`../test/cloud/${provider}.ts`)) as { run: () => Promise<{ exitCode: number }> };
const report = await module.run();
process.exit(report.exitCode);
