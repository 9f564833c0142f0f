/**
 * Submitting a form to the API: runs the mutation, and on failure puts the server's field problems under the
 * fields and keeps the rest for <FormProblems>.
 */
import type { FormInstance } from 'antd';
import { useState } from 'react';
import type { ApiFieldProblem } from '../api/client.ts';
import { applyServerErrors } from './form-errors.ts';

export function useServerForm(form: FormInstance, aliases?: Record<string, string>) {
  const [error, setError] = useState<unknown>(null);
  const [unplaced, setUnplaced] = useState<ApiFieldProblem[]>([]);
  /** Runs `save`; returns its result, or undefined after showing the errors. */
  async function submit<T>(save: () => Promise<T>): Promise<T | undefined> {
    setError(null);
    setUnplaced([]);
    try {
      return await save();
    } catch (e) {
      setError(e);
      setUnplaced(applyServerErrors(form, e, aliases));
      return undefined;
    }
  }
  return { error, unplaced, submit };
}
