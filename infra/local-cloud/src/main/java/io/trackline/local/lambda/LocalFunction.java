package io.trackline.local.lambda;

/**
 * A function of the template as the local cloud's triggers (gateway, pollers, schedules) invoke it: an event object in,
 * the function's result out (a {@code JsonNode} from a runtime process, the handler's own object in-process).
 */
public interface LocalFunction {
    String name();

    /** The function's ARN, as Lambda names it in an on-failure record. */
    String arn();

    /**
     * One invocation.
     *
     * @throws FunctionFailed when the function reports an error, times out, or cannot start
     */
    Object invoke(Object event);

    /** The invocation failed; Lambda would report a function error. The message is Lambda's error type and message. */
    final class FunctionFailed extends RuntimeException {
        public FunctionFailed(String function, String message, Throwable cause) {
            super(function + " failed: " + message, cause);
        }
    }
}
