package org.parley.scenarios.load;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.parley.agents.mind.Suggestions;

/**
 * Binds parts of a scenario tree to Java records with Jackson (kebab-case keys, unknown keys and
 * loose type coercion refused) and maps binding errors back to file, line and column.
 */
public final class Binding {
    static final ObjectMapper MAPPER = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.KEBAB_CASE)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
            .addModule(new SimpleModule("parley-durations").addDeserializer(Duration.class, new DurationDeserializer()))
            .build();

    private Binding() {}

    /** The bound value, or null after reporting why it could not be bound. */
    public static <T> T bind(JsonNode node, Class<T> type, String pointer, LocatedTree tree, Problems problems) {
        return bind(node, type, pointer, null, tree, problems);
    }

    /**
     * The bound value, or null after reporting why it could not be bound.
     *
     * @param what how an unknown key's message names the mapping ({@code an llm mind}); null for its path
     */
    public static <T> T bind(JsonNode node, Class<T> type, String pointer, String what, LocatedTree tree,
            Problems problems) {
        try {
            return MAPPER.treeToValue(node, type);
        } catch (JsonMappingException e) {
            problems.add(toProblem(e, pointer, what, tree));
            return null;
        } catch (IOException | IllegalArgumentException e) {
            problems.add(tree.locations().value(pointer), Paths.display(pointer, tree.root()) + ": " + e.getMessage(), null);
            return null;
        }
    }

    static Problem toProblem(JsonMappingException e, String base, String what, LocatedTree tree) {
        var sb = new StringBuilder(base);
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                sb.append(Locations.segment(ref.getFieldName()));
            } else if (ref.getIndex() >= 0) {
                sb.append('/').append(ref.getIndex());
            }
        }
        String pointer = sb.toString();
        String path = Paths.display(pointer, tree.root());
        Locations loc = tree.locations();
        if (e instanceof UnrecognizedPropertyException u) {
            List<String> known = new ArrayList<>();
            u.getKnownPropertyIds().forEach(k -> known.add(String.valueOf(k)));
            known.sort(null);
            String parent = what != null ? what : Paths.display(base, tree.root());
            return new Problem(loc.key(pointer), "unknown key '" + u.getPropertyName() + "' in " + parent,
                    Suggestions.hint(u.getPropertyName(), known, "allowed keys"));
        }
        if (e instanceof ValueInstantiationException && e.getCause() != null) {
            return new Problem(loc.value(pointer), path + ": " + e.getCause().getMessage(), null);
        }
        if (e instanceof InvalidFormatException f) {
            return new Problem(loc.value(pointer), path + ": '" + f.getValue() + "' is not " + typeName(f.getTargetType()),
                    hintFor(f.getTargetType()));
        }
        if (e instanceof MismatchedInputException m && m.getTargetType() != null) {
            JsonNode found = tree.root().at(pointer);
            return new Problem(loc.value(pointer), path + ": expected " + typeName(m.getTargetType()) + ", found "
                    + SchemaCheck.describe(found.isMissingNode() ? null : found), hintFor(m.getTargetType()));
        }
        String message = e.getOriginalMessage();
        int nl = message == null ? -1 : message.indexOf('\n');
        return new Problem(loc.value(pointer), path + ": " + (nl < 0 ? message : message.substring(0, nl)), null);
    }

    private static String typeName(Class<?> type) {
        if (type == null) {
            return "a value of another type";
        }
        if (type == int.class || type == Integer.class || type == long.class || type == Long.class) {
            return "a whole number";
        }
        if (type == double.class || type == Double.class || type == float.class || type == Float.class) {
            return "a number";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "true or false";
        }
        if (type == String.class) {
            return "a text";
        }
        if (type == Duration.class) {
            return "a duration";
        }
        if (type.isEnum()) {
            var names = new ArrayList<String>();
            for (Object c : type.getEnumConstants()) {
                names.add(c.toString());
            }
            return "one of " + String.join(", ", names);
        }
        if (List.class.isAssignableFrom(type) || type.isArray()) {
            return "a list";
        }
        if (java.util.Map.class.isAssignableFrom(type)) {
            return "a mapping";
        }
        return "a mapping (" + type.getSimpleName() + ")";
    }

    private static String hintFor(Class<?> type) {
        return type == Duration.class ? Durations.HINT : null;
    }

    /** Accepts {@code 5s}-style durations as well as ISO-8601 ({@code PT5S}). */
    static final class DurationDeserializer extends JsonDeserializer<Duration> {
        @Override
        public Duration deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            String text = p.getValueAsString();
            Duration d = Durations.parse(text);
            if (d == null && text != null && text.startsWith("P")) {
                try {
                    d = Duration.parse(text);
                } catch (RuntimeException ignored) {
                    d = null;
                }
            }
            if (d == null) {
                return (Duration) ctxt.handleWeirdStringValue(Duration.class, text, "not a duration");
            }
            return d;
        }
    }
}
