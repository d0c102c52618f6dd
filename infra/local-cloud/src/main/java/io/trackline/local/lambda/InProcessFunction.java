package io.trackline.local.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import io.trackline.aws.Settings;
import io.trackline.testkit.template.TemplateException;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.locks.Lock;

/**
 * The in-process mode, for the local cloud's own tests of its gateway and event sources (their handlers are test
 * classes, with no function jar): a function living in this JVM, its handler class built with
 * {@code new Handler(<Fn>Wiring.from(Settings))} from the function's resolved environment, invoked through the method {@code Handler}
 * names with the event object itself. Every invocation of every such function holds one shared lock. {@code make run}
 * and the end-to-end tests run functions as Lambda does instead ({@link io.trackline.local.runtime.ProcessFunction}).
 */
public final class InProcessFunction implements LocalFunction {
    private final String name;
    private final String arn;
    private final Object handler;
    private final Method method;
    private final int timeoutSeconds;
    private final Lock invocations;

    private InProcessFunction(String name, String arn, Object handler, Method method, int timeoutSeconds, Lock invocations) {
        this.name = name;
        this.arn = arn;
        this.handler = handler;
        this.method = method;
        this.timeoutSeconds = timeoutSeconds;
        this.invocations = invocations;
    }

    public static InProcessFunction create(String name, String arn, String handlerClass, String handlerMethod,
                                       int timeoutSeconds, Map<String, String> settings, Lock invocations) {
        Class<?> type;
        try {
            type = Class.forName(handlerClass);
        } catch (ClassNotFoundException e) {
            throw new TemplateException(name + ": handler class " + handlerClass + " is not on the classpath (build it with `make build`)");
        }
        Object handler;
        try {
            handler = wired(type, Settings.of(settings));
        } catch (NoSuchMethodException e) {
            throw new TemplateException(name + ": " + handlerClass + " needs a public constructor taking its wiring (built by"
                    + " the wiring's static from(io.trackline.aws.Settings)) or io.trackline.aws.Settings");
        } catch (InvocationTargetException e) {
            throw new FunctionFailed(name, "its constructor failed: " + e.getCause(), e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new TemplateException(name + ": cannot instantiate " + handlerClass + ": " + e);
        }
        Method method = Arrays.stream(type.getMethods())
                .filter(m -> m.getName().equals(handlerMethod) && !m.isBridge() && !Modifier.isStatic(m.getModifiers()))
                .filter(m -> m.getParameterCount() == 1
                        || (m.getParameterCount() == 2 && m.getParameterTypes()[1] == Context.class))
                .max(Comparator.comparingInt(Method::getParameterCount))
                .orElseThrow(() -> new TemplateException(name + ": " + handlerClass + " has no method " + handlerMethod
                        + "(input[, Context])"));
        return new InProcessFunction(name, arn, handler, method, timeoutSeconds, invocations);
    }

    @Override
    public String arn() {
        return arn;
    }

    @Override
    public String name() {
        return name;
    }

    /** The type the handler takes; events of another type are converted to it through JSON. */
    private Class<?> inputType() {
        return method.getParameterTypes()[0];
    }

    /** Runs the handler once, holding the invocation lock; a handler's exception is the {@link FunctionFailed}'s cause. */
    @Override
    public Object invoke(Object event) {
        Object input = inputType().isInstance(event) ? event : io.trackline.aws.Json.mapper().convertValue(event, inputType());
        invocations.lock();
        try {
            return method.getParameterCount() == 2
                    ? method.invoke(handler, input, LocalContext.of(name, arn, timeoutSeconds))
                    : method.invoke(handler, input);
        } catch (InvocationTargetException e) {
            throw new FunctionFailed(name, e.getCause().toString(), e.getCause());
        } catch (IllegalAccessException e) {
            throw new FunctionFailed(name, "its handler method is not accessible", e);
        } finally {
            invocations.unlock();
        }
    }

    /**
     * {@code new Handler(<Fn>Wiring.from(settings))}: a function's handler takes its wiring in its one-argument
     * constructor; a handler that takes {@code Settings} itself (a test's) gets them as they are.
     */
    private static Object wired(Class<?> type, Settings settings) throws ReflectiveOperationException {
        for (java.lang.reflect.Constructor<?> constructor : type.getConstructors()) {
            if (constructor.getParameterCount() != 1) continue;
            Class<?> wiring = constructor.getParameterTypes()[0];
            return constructor.newInstance(wiring == Settings.class ? settings
                    : wiring.getMethod("from", Settings.class).invoke(null, settings));
        }
        throw new NoSuchMethodException(type.getName() + "(<wiring>)");
    }
}
