package io.trackline.aws.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * A function's Lambda entry: the runtime hands it the event's bytes ({@link RequestStreamHandler}), {@link LambdaJson}
 * reads them into the event type, and the typed {@link #handleRequest(Object, Context)} does the work (tests and the
 * local cloud's in-process mode call it directly). With the {@code Handler} {@code <class>::handleRequest}, Lambda's
 * runtime prefers the stream overload (three parameters) over the typed one, so it never loads its own serializer.
 */
public abstract class JsonEventHandler<I, O> implements RequestStreamHandler {
    private final Class<I> eventType;

    protected JsonEventHandler(Class<I> eventType) {
        this.eventType = eventType;
    }

    public abstract O handleRequest(I event, Context context);

    @Override
    public final void handleRequest(InputStream event, OutputStream answer, Context context) throws IOException {
        LambdaJson.write(handleRequest(LambdaJson.read(event, eventType), context), answer);
    }
}
