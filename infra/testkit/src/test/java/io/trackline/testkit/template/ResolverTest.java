package io.trackline.testkit.template;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ResolverTest {
    private static final Template TEMPLATE = Template.parse("""
            Parameters:
              Stage: {Type: String, Default: dev}
              NoDefault: {Type: String}
            Conditions:
              IsDev: !Equals [!Ref Stage, dev]
            Resources:
              Queue: {Type: AWS::SQS::Queue}
              Logs: {Type: AWS::Logs::LogGroup}
              Fn:
                Type: AWS::Serverless::Function
                Properties:
                  Handler: x.Y::handleRequest
                  Environment:
                    Variables:
                      SUB: !Sub "${AWS::Region}/${Stage}/${Queue.QueueName}/${!Literal}"
                      SUB_VARS: !Sub ["${A}-${Stage}", {A: !Ref Queue}]
                      JOINED: !Join [",", [a, !Ref Stage, !Select [1, [x, y]]]]
                      CHOSEN: !If [IsDev, development, production]
                      LOG_ARN: !GetAtt Logs.Arn
                      OPTIONAL: !Ref AWS::NoValue
                      NO_DEFAULT: !Ref NoDefault
            """, "resolver.yaml");

    private final Resolver resolver = new Resolver(TEMPLATE, "stack", "eu-west-1", "123456789012");

    @Test
    void shouldResolveSubJoinSelectAndIf_whenTheQueueIsRegistered() {
        resolver.register("Queue", "http://sqs/queue", Map.of("QueueName", "Queue", "Arn", "arn:aws:sqs:eu-west-1:123456789012:Queue"));
        Map<String, Object> environment = TEMPLATE.functions().getFirst().environment();

        assertThat(resolver.string(environment.get("SUB"), "SUB")).isEqualTo("eu-west-1/dev/Queue/${Literal}");
        assertThat(resolver.string(environment.get("SUB_VARS"), "SUB_VARS")).isEqualTo("http://sqs/queue-dev");
        assertThat(resolver.string(environment.get("JOINED"), "JOINED")).isEqualTo("a,dev,y");
        assertThat(resolver.string(environment.get("CHOSEN"), "CHOSEN")).isEqualTo("development");
        assertThat(resolver.string(environment.get("LOG_ARN"), "LOG_ARN")).isEqualTo("arn:aws:logs:eu-west-1:123456789012:Logs");
    }

    @Test
    void shouldDropNoValue_whenResolvingAMap() {
        Object resolved = resolver.resolve(Map.of("keep", "x", "drop", new Intrinsic.Ref("AWS::NoValue")), "map");

        assertThat(resolved).isEqualTo(Map.of("keep", "x"));
        assertThat(resolver.resolve(List.of("a", new Intrinsic.Ref("AWS::NoValue")), "list")).isEqualTo(List.of("a"));
    }

    @Test
    void shouldExplain_whenAReferenceCannotBeResolved() {
        Map<String, Object> environment = TEMPLATE.functions().getFirst().environment();

        assertThatThrownBy(() -> resolver.string(environment.get("NO_DEFAULT"), "Fn.NO_DEFAULT"))
                .isInstanceOf(TemplateException.class)
                .hasMessage("Fn.NO_DEFAULT: parameter NoDefault has no Default, which the local cloud needs");
        assertThatThrownBy(() -> resolver.string(new Intrinsic.Ref("Nothing"), "X"))
                .hasMessage("X: !Ref Nothing names no parameter or resource");
        assertThatThrownBy(() -> resolver.string(new Intrinsic.Ref("Queue"), "Y"))
                .hasMessageContaining("is used before Queue exists");
        assertThatThrownBy(() -> resolver.string(new Intrinsic.Fn("ImportValue", "x"), "Z"))
                .hasMessage("Z (Fn::ImportValue) is not supported by the local cloud");
    }

    @Test
    void shouldEvaluateConditionsWithTheOverride_whenAParameterIsOverridden() {
        var chosen = TEMPLATE.functions().getFirst().environment().get("CHOSEN");
        assertThat(resolver.string(chosen, "CHOSEN")).isEqualTo("development");

        resolver.override("Stage", "prod");

        assertThat(resolver.string(chosen, "CHOSEN")).isEqualTo("production");
        assertThatThrownBy(() -> resolver.override("Nope", "x")).isInstanceOf(TemplateException.class)
                .hasMessageContaining("Nope is not declared");
    }
}
