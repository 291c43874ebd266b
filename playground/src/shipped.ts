/**
 * The one baseline package the playground ships: `extends "@precept/bps-e-professionalism"`
 * resolves to the bundled BPS pack (in the editor's workspace and in the analysis worker alike).
 */
export function resolveShippedPackage(name: string): string | undefined {
  return name === "@precept/bps-e-professionalism" ? "rules/bps-e-professionalism" : undefined;
}
