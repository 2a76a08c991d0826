// The {variables} a quick reply may use, and how they are filled. Pure, so the workbench
// checks a draft with the same list before sending it.
export const VARIABLES = ["buyer", "shop", "agent", "product", "courier", "cutoff", "promotion", "promotion_end"] as const;
export type Variable = (typeof VARIABLES)[number];

/** null: the conversation has no value for it, and the {placeholder} stays for the agent to fill. */
export type VariableValues = Record<Variable, string | null>;

const isVariable = (name: string): name is Variable => (VARIABLES as readonly string[]).includes(name);

/** Unknown {names} stay as written: a typo shows instead of silently vanishing. */
export function fillVariables(text: string, values: VariableValues): string {
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (isVariable(name) ? (values[name] ?? whole) : whole));
}

/** The known {variables} still in a text: a draft holding any is not ready to send. */
export function unfilledVariables(text: string): Variable[] {
  const found = new Set<Variable>();
  for (const [, name] of text.matchAll(/\{(\w+)\}/g)) if (isVariable(name!)) found.add(name);
  return [...found];
}
