import type { Control, FieldValues, Path } from 'react-hook-form';

/** What every kit field takes: the form's control and the name of its value. */
export interface Bound<V extends FieldValues> {
  readonly control: Control<V, unknown, never> | Control<V, unknown, unknown>;
  readonly name: Path<V>;
  /** Fields checked again when this one changes (an end beside its start). */
  readonly deps?: readonly Path<V>[];
}

// The kit's fields take any form's control: its value types are the form's business.
export const asControl = <V extends FieldValues>(control: Bound<V>['control']) =>
  control as unknown as Control<V>;

/** The rules that re-check `deps` when a field changes. */
export const depsRules = <V extends FieldValues>(deps: Bound<V>['deps']) =>
  deps ? { deps: [...deps] } : undefined;
