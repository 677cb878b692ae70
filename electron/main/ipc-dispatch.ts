/**
 * The checks every IPC request goes through before an action runs, kept free of electron so they
 * can be tested without a runtime: the sender frame must be the app's own top-level frame, the
 * payload (received as `unknown`) must match the channel's zod schema, and any exception an
 * action throws becomes `{ ok: false, error }` instead of a rejected promise in the renderer.
 */
import type { Result } from '../../core/result';
import { fail } from '../../core/result';
import { IPC_REQUEST_SCHEMAS, describeIssues, type IpcChannel, type IpcRequest, type IpcResponse } from '../../core/ipc-contract';
import { isTrustedSender, type TrustedOrigins } from './security';

/** What the handler knows about who sent a message (from `event.senderFrame`). */
export type SenderFrame = { url: string; isMainFrame: boolean } | null;

export type ActionHandler<C extends IpcChannel, Context> = (request: IpcRequest<C>, context: Context) => Promise<Result<IpcResponse<C>>>;

/** One action per channel; the type makes a missing channel a compile error. */
export type ActionHandlers<Context> = { [C in IpcChannel]: ActionHandler<C, Context> };

/** Validates an IPC payload against the channel's schema. */
export function parseIpcRequest<C extends IpcChannel>(channel: C, payload: unknown): Result<IpcRequest<C>> {
  const parsed = IPC_REQUEST_SCHEMAS[channel].safeParse(payload);
  if (!parsed.success) return fail(`Invalid ${channel} request: ${describeIssues(parsed.error)}`);
  return { ok: true, value: parsed.data as IpcRequest<C> };
}

/** Runs one request through sender check → validation → action, always resolving to a Result. */
export async function dispatchIpc<C extends IpcChannel, Context>(
  channel: C,
  handler: ActionHandler<C, Context>,
  message: { frame: SenderFrame; payload: unknown; context: Context },
  trusted: TrustedOrigins,
): Promise<Result<IpcResponse<C>>> {
  if (!isTrustedSender(message.frame, trusted)) return fail(`Refused ${channel}: the request did not come from the app window.`);
  const request = parseIpcRequest(channel, message.payload);
  if (!request.ok) return request;
  try {
    return await handler(request.value, message.context);
  } catch (error) {
    return fail(`${channel} failed: ${error instanceof Error ? error.message : String(error)}`);
  }
}
