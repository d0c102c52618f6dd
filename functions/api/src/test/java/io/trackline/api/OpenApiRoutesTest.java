package io.trackline.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.trackline.api.http.ApiProblem;
import io.trackline.api.http.Problems;
import io.trackline.aws.Json;
import io.trackline.aws.http.Problem;
import io.trackline.domain.Language;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/** The OpenAPI document, template.yaml and the handler's route table and problem types describe the same API. */
class OpenApiRoutesTest {
    private static final Path TEMPLATE = Path.of("../../template.yaml");

    @Test
    void shouldParseAsOpenApi31WithoutMessages_whenReadBySwaggerParser() throws IOException {
        var options = new ParseOptions();
        options.setResolve(true);

        var result = new OpenAPIV3Parser().readContents(document(), null, options);

        assertThat(result.getMessages()).isEmpty();
        assertThat(result.getOpenAPI().getOpenapi()).isEqualTo("3.1.0");
    }

    @Test
    void shouldListTheSameRoutes_whenTemplateHandlerAndDocumentAreCompared() throws IOException {
        Set<String> inDocument = new TreeSet<>();
        new OpenAPIV3Parser().readContents(document(), null, new ParseOptions()).getOpenAPI().getPaths()
                .forEach((path, item) -> item.readOperationsMap()
                        .forEach((method, operation) -> inDocument.add(method.name().toUpperCase(Locale.ROOT) + " " + path)));

        Set<String> inHandler = new TreeSet<>(new ApiHandler(new ApiWiring(null, null, null, null, null, null, null, null,
                Duration.ZERO, null, null, Clock.systemUTC(), false)).routeKeys());

        assertThat(inHandler).isEqualTo(templateRoutes()).isEqualTo(inDocument).hasSize(23);
    }

    @Test
    void shouldListEveryProblemTypeTheApiAnswers_whenProblemsAndTheDocumentAreCompared() throws Exception {
        JsonNode listed = Json.mapper().readTree(document()).at("/components/schemas/Problem/properties/type/enum");
        Set<String> inDocument = new TreeSet<>();
        listed.forEach(type -> inDocument.add(type.asText()));

        Set<String> answered = new TreeSet<>();
        for (Method factory : Problems.class.getMethods()) {
            if (!Modifier.isStatic(factory.getModifiers())) continue;
            Object[] arguments = Arrays.stream(factory.getParameterTypes()).map(t -> t == int.class ? (Object) 1 : "x").toArray();
            Object made = factory.invoke(null, arguments);
            answered.add((made instanceof ApiProblem p ? p.problem() : (Problem) made).type());
        }

        assertThat(answered).isEqualTo(inDocument);
    }

    @Test
    void shouldOfferTheLanguagesTheDomainHas_whenPreferencesNameOne() throws Exception {
        JsonNode schemas = Json.mapper().readTree(document()).at("/components/schemas");
        var languages = new ArrayList<String>(Language.tags());
        languages.add(null);

        for (String schema : new String[]{"Preferences", "PreferencesInput"}) {
            var listed = new ArrayList<String>();
            schemas.at("/" + schema + "/properties/language/enum").forEach(tag -> listed.add(tag.isNull() ? null : tag.asText()));
            assertThat(listed).as(schema).isEqualTo(languages);
        }
    }

    @SuppressWarnings("unchecked")
    private static Set<String> templateRoutes() throws IOException {
        // CloudFormation tags (!Ref, !GetAtt, !Sub) mean nothing here; dropping them leaves plain YAML.
        String yaml = Files.readString(TEMPLATE).replaceAll("![A-Za-z]+ ", "");
        Map<String, Object> template = new Yaml().load(yaml);
        var function = (Map<String, Object>) ((Map<String, Object>) template.get("Resources")).get("ApiFunction");
        var events = (Map<String, Map<String, Object>>) ((Map<String, Object>) function.get("Properties")).get("Events");
        Set<String> routes = new TreeSet<>();
        events.values().stream().filter(e -> "HttpApi".equals(e.get("Type"))).forEach(e -> {
            var properties = (Map<String, Object>) e.get("Properties");
            routes.add(properties.get("Method") + " " + properties.get("Path"));
        });
        return routes;
    }

    private static String document() throws IOException {
        try (var in = OpenApiRoutesTest.class.getResourceAsStream("/openapi.json")) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
    }
}
