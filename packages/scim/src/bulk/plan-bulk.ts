/** What the planner needs of an operation: the bulkId it defines (a POST) and those it references. */
export type PlanInput = { defines?: string; references: readonly string[] };

/** Why an operation cannot run: a SCIM error's status, type and detail. */
export type BulkRefusal = { status: 400 | 409; scimType?: 'invalidValue'; detail: string };

export type BulkPlan = {
  /** Every index, in the order to run them: request order, except that a POST runs before the first operation that needs its bulkId. */
  order: number[];
  /** Operations refused before running: an unknown bulkId (400) or one in a circle of references (409). */
  refused: Map<number, BulkRefusal>;
  /** For each operation, the indexes of the POSTs whose bulkIds it references. */
  needs: Map<number, number[]>;
};

/**
 * Orders a BulkRequest's operations so that every bulkId is created before it is used,
 * forward references included (RFC 7644 §3.7.2). Circular references (a group whose
 * member is a group that has it as a member) are refused with 409, which §3.7.1 allows;
 * the client creates one side without the reference and adds it by PATCH. `null`: an
 * operation that did not parse (it defines nothing; it keeps its turn to be reported).
 */
export function planBulk(inputs: readonly (PlanInput | null)[]): BulkPlan {
  const definer = new Map<string, number>();
  inputs.forEach((input, i) => input?.defines !== undefined && definer.set(input.defines, i));
  const state = new Map<number, 'visiting' | 'done'>();
  const stack: number[] = [];
  const plan: BulkPlan = { order: [], refused: new Map(), needs: new Map() };
  const refuse = (i: number, refusal: BulkRefusal) => plan.refused.has(i) || plan.refused.set(i, refusal);

  const visit = (i: number, input: PlanInput) => {
    if (state.get(i) === 'done') return;
    if (state.get(i) === 'visiting') {
      const circle = stack.slice(stack.indexOf(i));
      const names = [...circle, i].map((j) => `'${inputs[j]?.defines ?? ''}'`).join(' → ');
      const detail = `Circular bulkId references (${names}): create one of them without the reference, then add it with a PATCH`;
      for (const j of circle) refuse(j, { status: 409, detail });
      return;
    }
    state.set(i, 'visiting');
    stack.push(i);
    const needs: number[] = [];
    for (const bulkId of input.references) {
      const j = definer.get(bulkId);
      const target = j === undefined ? null : inputs[j];
      if (j === undefined || !target) {
        refuse(i, {
          status: 400,
          scimType: 'invalidValue',
          detail: `bulkId '${bulkId}' is not defined by any POST operation of this request`,
        });
        continue;
      }
      needs.push(j);
      visit(j, target);
    }
    plan.needs.set(i, needs);
    stack.pop();
    state.set(i, 'done');
    plan.order.push(i);
  };

  // An operation that did not parse takes its turn in request order (to be reported, and counted as an error).
  inputs.forEach((input, i) => (input ? visit(i, input) : plan.order.push(i)));
  return plan;
}
