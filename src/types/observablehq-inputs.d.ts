// Minimal typings for the parts of @observablehq/inputs this project uses (the package ships none).
declare module "@observablehq/inputs" {
  type Input<T> = HTMLElement & {value: T};
  interface Common {
    label?: string | Node;
    disabled?: boolean;
  }
  export function range(extent: [number, number], options?: Common & {step?: number; value?: number; format?: (v: number) => string; placeholder?: string}): Input<number>;
  export function select<T>(data: readonly T[], options?: Common & {format?: (d: T) => string; value?: T; multiple?: boolean}): Input<T>;
  export function radio<T>(data: readonly T[], options?: Common & {format?: (d: T) => string; value?: T}): Input<T>;
  export function toggle(options?: Common & {value?: boolean}): Input<boolean>;
  export function text(options?: Common & {type?: string; value?: string; placeholder?: string; pattern?: string}): Input<string>;
  export function button(content: string | Node, options?: Common & {reduce?: () => unknown}): Input<unknown>;
  export function table<T>(data: readonly T[], options?: Record<string, unknown>): Input<T[]>;
  export function checkbox<T>(data: readonly T[], options?: Common & {format?: (d: T) => string; value?: T[]}): Input<T[]>;
  export function search<T>(data: readonly T[], options?: Common & {placeholder?: string; query?: string; format?: (n: number) => string; filter?: (query: string) => (d: T) => boolean; columns?: string[]; required?: boolean}): Input<T[]> & {query: string};
}
