package io.trackline.testkit.template;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.AbstractConstruct;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads CloudFormation YAML: the short-form tags ({@code !Ref}, {@code !GetAtt}, {@code !Sub}, {@code !If}, ...) and
 * the long forms ({@code Ref:}, {@code Fn::GetAtt:}) both become {@link Intrinsic}s; everything else is plain maps,
 * lists and scalars.
 */
final class CfnYaml {
    private static final List<String> FUNCTIONS = List.of("Base64", "Cidr", "FindInMap", "GetAZs", "ImportValue",
            "Join", "Select", "Split", "Sub", "Transform", "And", "Equals", "If", "Not", "Or", "Length", "ToJsonString");

    private CfnYaml() {
    }

    static Map<String, Object> parse(String text, String origin) {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        options.setMaxAliasesForCollections(50);
        Object root;
        try {
            root = new Yaml(new TagConstructor(options)).load(text);
        } catch (MarkedYAMLException e) {
            var mark = e.getProblemMark();
            throw new TemplateException(origin + " is not valid YAML at line " + (mark.getLine() + 1) + ", column "
                    + (mark.getColumn() + 1) + ": " + e.getProblem());
        } catch (YAMLException e) {
            throw new TemplateException(origin + " is not valid YAML: " + e.getMessage().lines().findFirst().orElse(""));
        }
        if (!(root instanceof Map<?, ?> map)) {
            throw new TemplateException(origin + " is not a CloudFormation template (its top level is not a mapping)");
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> normalised = (Map<String, Object>) longForms(map);
        return normalised;
    }

    /** Turns {@code {Ref: X}} and {@code {"Fn::Name": args}} into the same data as their short tags. */
    private static Object longForms(Object value) {
        if (value instanceof Map<?, ?> map) {
            if (map.size() == 1) {
                var entry = map.entrySet().iterator().next();
                String key = String.valueOf(entry.getKey());
                Object argument = longForms(entry.getValue());
                if (key.equals("Ref")) return new Intrinsic.Ref(String.valueOf(argument));
                if (key.equals("Condition") && argument instanceof String name) return new Intrinsic.Condition(name);
                if (key.equals("Fn::GetAtt")) return getAtt(argument);
                if (key.startsWith("Fn::")) return new Intrinsic.Fn(key.substring(4), argument);
            }
            Map<String, Object> copy = new LinkedHashMap<>();
            map.forEach((k, v) -> copy.put(String.valueOf(k), longForms(v)));
            return copy;
        }
        if (value instanceof List<?> list) return list.stream().map(CfnYaml::longForms).toList();
        if (value instanceof Intrinsic.Fn fn) return new Intrinsic.Fn(fn.name(), longForms(fn.argument()));
        return value;
    }

    private static Intrinsic.GetAtt getAtt(Object argument) {
        if (argument instanceof String dotted && dotted.indexOf('.') > 0) {
            int dot = dotted.indexOf('.');
            return new Intrinsic.GetAtt(dotted.substring(0, dot), dotted.substring(dot + 1));
        }
        if (argument instanceof List<?> parts && parts.size() == 2) {
            return new Intrinsic.GetAtt(String.valueOf(parts.get(0)), String.valueOf(parts.get(1)));
        }
        throw new TemplateException("Fn::GetAtt needs Resource.Attribute or [Resource, Attribute], got " + argument);
    }

    private static final class TagConstructor extends SafeConstructor {
        TagConstructor(LoaderOptions options) {
            super(options);
            yamlConstructors.put(new Tag("!Ref"), new Construct(node -> new Intrinsic.Ref(scalar(node))));
            yamlConstructors.put(new Tag("!Condition"), new Construct(node -> new Intrinsic.Condition(scalar(node))));
            yamlConstructors.put(new Tag("!GetAtt"), new Construct(node -> getAtt(plain(node))));
            for (String function : FUNCTIONS) {
                yamlConstructors.put(new Tag("!" + function), new Construct(node -> new Intrinsic.Fn(function, plain(node))));
            }
        }

        private String scalar(Node node) {
            if (node instanceof ScalarNode scalar) return scalar.getValue();
            throw new TemplateException(node.getTag() + " needs a plain name at line " + (node.getStartMark().getLine() + 1));
        }

        private Object plain(Node node) {
            return switch (node) {
                case ScalarNode scalar -> scalar.getValue();
                case SequenceNode sequence -> constructSequence(sequence);
                case MappingNode mapping -> constructMapping(mapping);
                default -> throw new TemplateException("unsupported YAML node " + node.getNodeId());
            };
        }

        private final class Construct extends AbstractConstruct {
            private final java.util.function.Function<Node, Object> build;

            Construct(java.util.function.Function<Node, Object> build) {
                this.build = build;
            }

            @Override
            public Object construct(Node node) {
                return build.apply(node);
            }
        }
    }
}
