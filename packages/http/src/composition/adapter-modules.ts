import { adapterPortToken, tokens } from "@confide/core";
import { type AdapterPort, type AdapterPortTypes, ConfideError, type Logger } from "@confide/core/ports";
import { ContainerModule } from "inversify";
import type { ConfideConfig } from "../config/config.ts";
import { adapterPorts, findAdapter } from "./adapter-registry.ts";

/** What the host does with a port's adapter once created, before anything uses it. */
const prepare: { [P in AdapterPort]?: (adapter: AdapterPortTypes[P]) => Promise<unknown> } = {
  repository: (repositories) => repositories.prepare(),
};

/**
 * Creates the adapter the configuration chose for `port` from its descriptor, with the settings
 * its schema parsed. The descriptor imports the adapter module (and its SDK) only now.
 */
export async function createChosenAdapter<P extends AdapterPort>(config: ConfideConfig, port: P, logger: Logger): Promise<AdapterPortTypes[P]> {
  const adapter = findAdapter(port, config.adapters[port]);
  if (adapter === undefined) {
    // loadConfig accepts registered names only; a hand-made configuration may not.
    throw new ConfideError("validation.invalid_input", `No ${port} adapter named "${config.adapters[port]}" is registered.`, {
      details: { port, adapter: config.adapters[port] },
    });
  }
  const created: AdapterPortTypes[P] = await adapter.create(config.adapterSettings[port], { logger, dataDir: config.dataDir });
  await prepare[port]?.(created);
  return created;
}

/**
 * One ContainerModule per port, each binding the adapter the configuration chose for it. The
 * binding creates the adapter when first resolved, so a deployment loads only the SDKs of the
 * adapters it picked.
 */
export function adapterModules(config: ConfideConfig): ContainerModule[] {
  return adapterPorts.map(
    (port) =>
      new ContainerModule(({ bind }) => {
        bind(adapterPortToken(port))
          .toDynamicValue((context) => createChosenAdapter(config, port, context.get<Logger>(tokens.logger)))
          .inSingletonScope();
      }),
  );
}
