package io.sigscan.rules.logsource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import io.sigscan.rules.model.LogSource;

/**
 * Every Windows category and service of SigmaHQ's tests/thor.yml is routed by the built-in
 * mapping to the same event IDs, channels and field renames. Needs -Dsigscan.corpus.
 */
class BuiltInMappingCoversThorTest {

    @Test
    @SuppressWarnings("unchecked")
    void everyWindowsLogSourceOfThorIsMappedTheSameWay() throws IOException {
        String corpus = System.getProperty("sigscan.corpus", "");
        Assumptions.assumeTrue(!corpus.isEmpty(), "SKIPPED: set -Dsigscan.corpus=/path/to/sigma to check thor.yml coverage");
        Map<String, Object> thor = new Yaml(new SafeConstructor(new LoaderOptions()))
                .load(Files.readString(Path.of(corpus, "tests", "thor.yml")));
        Map<String, Map<String, Object>> logsources = (Map<String, Map<String, Object>>) thor.get("logsources");
        LogsourceMapping mapping = LogsourceMapping.builtIn();
        int checked = 0;
        for (Map.Entry<String, Map<String, Object>> entry : logsources.entrySet()) {
            Map<String, Object> source = entry.getValue();
            String product = (String) source.get("product");
            if (source.containsKey("conditions")) {
                Map<String, Object> rewrite = (Map<String, Object>) source.get("rewrite");
                List<String> channels = channels(logsources, (String) rewrite.get("service"));
                List<LogsourceVariant> variants = mapping.variantsFor(new LogSource((String) source.get("category"), product, null));
                Map<String, Object> conditions = (Map<String, Object>) source.get("conditions");
                Map<String, String> renames = (Map<String, String>) source.getOrDefault("fieldmappings", Map.of());
                boolean found = variants.stream().anyMatch(variant -> variant.renames().equals(renames)
                        && variant.conditions().getOrDefault("Channel", List.of()).containsAll(channels)
                        && conditions.entrySet().stream().allMatch(condition -> variant.conditions()
                                .getOrDefault(condition.getKey(), List.of()).containsAll(texts(condition.getValue()))));
                assertTrue(found, entry.getKey() + " not covered by " + variants);
                checked++;
            } else if ("windows".equals(product) && source.containsKey("service")) {
                List<LogsourceVariant> variants = mapping.variantsFor(new LogSource(null, product, (String) source.get("service")));
                assertEquals(1, variants.size(), entry.getKey());
                assertEquals(channels(logsources, (String) source.get("service")), variants.get(0).conditions().get("Channel"));
                checked++;
            }
        }
        assertEquals(42 + 44, checked, "thor.yml has 42 category entries and 44 Windows services");
    }

    @SuppressWarnings("unchecked")
    private static List<String> channels(Map<String, Map<String, Object>> logsources, String service) {
        return logsources.values().stream()
                .filter(source -> "windows".equals(source.get("product")) && service.equals(source.get("service"))
                        && source.containsKey("sources"))
                .flatMap(source -> ((List<String>) source.get("sources")).stream())
                .map(text -> text.substring(text.indexOf(':') + 1))
                .toList();
    }

    private static List<String> texts(Object value) {
        return value instanceof List<?> list ? list.stream().map(String::valueOf).toList() : List.of(String.valueOf(value));
    }
}
