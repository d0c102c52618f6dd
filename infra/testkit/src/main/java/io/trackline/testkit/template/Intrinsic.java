package io.trackline.testkit.template;

import java.util.List;

/**
 * A CloudFormation intrinsic function kept as data, in either of its YAML spellings ({@code !Ref X} or
 * {@code {Ref: X}}), so the reader never evaluates anything: the {@link Resolver} does, once the stack exists.
 */
public sealed interface Intrinsic {

    /** {@code !Ref name}: a parameter, a pseudo parameter or a resource. */
    record Ref(String name) implements Intrinsic {
    }

    /** {@code !GetAtt Resource.Attribute}. */
    record GetAtt(String resource, String attribute) implements Intrinsic {
    }

    /** Any other {@code Fn::Name} ({@code Sub}, {@code Join}, {@code If}, {@code Select}, ...) with its argument as read. */
    record Fn(String name, Object argument) implements Intrinsic {
        public List<?> arguments() {
            return argument instanceof List<?> list ? list : List.of(argument);
        }
    }

    /** {@code !Condition name} inside {@code Fn::And} and friends. */
    record Condition(String name) implements Intrinsic {
    }

    /** The resource a value points at, when it is a {@code Ref} or {@code GetAtt} of one. */
    static java.util.Optional<String> targetOf(Object value) {
        if (value instanceof Ref ref) return java.util.Optional.of(ref.name());
        if (value instanceof GetAtt getAtt) return java.util.Optional.of(getAtt.resource());
        return java.util.Optional.empty();
    }
}
