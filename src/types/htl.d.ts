/** Minimal types for htl (Hypertext Literal): the tagged template used by the pages' modules. */
declare module "htl" {
  export function html(strings: TemplateStringsArray, ...values: unknown[]): HTMLElement;
}
