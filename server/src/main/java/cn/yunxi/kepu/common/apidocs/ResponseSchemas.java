package cn.yunxi.kepu.common.apidocs;

import java.lang.annotation.Annotation;
import java.lang.reflect.Field;
import java.lang.reflect.RecordComponent;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;

import org.jspecify.annotations.Nullable;
import org.springdoc.core.customizers.OpenApiCustomizer;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import jakarta.validation.constraints.NotNull;

/**
 * Makes the schemas of response records say what the JSON holds. Jackson writes every component of a record,
 * null or not, so every component is {@code required} (present); a component is nullable when its type is a boxed
 * primitive ({@code Integer waitlistPosition}: the boxing is there to allow null) or it is marked
 * {@code @Nullable}; all others are never null. No other property appears ({@code additionalProperties: false}),
 * so a field added to a record without the document changing is caught by the contract check of the tests.
 *
 * <p>A record that is also a request body keeps the request's rules (a client may leave optional fields out):
 * only which of its components may be null is stated.
 */
class ResponseSchemas implements OpenApiCustomizer {

    private static final Set<Class<?>> BOXED = Set.of(Boolean.class, Byte.class, Short.class, Integer.class,
            Long.class, Float.class, Double.class, Character.class);

    private final UniqueSchemaNames names;

    ResponseSchemas(UniqueSchemaNames names) {
        this.names = names;
    }

    @Override
    public void customise(OpenAPI openApi) {
        if (openApi.getComponents() == null || openApi.getComponents().getSchemas() == null || openApi.getPaths() == null) {
            return;
        }
        Map<String, Schema> schemas = openApi.getComponents().getSchemas();
        Set<String> fromResponses = new HashSet<>();
        Set<String> fromRequests = new HashSet<>();
        openApi.getPaths().values().forEach(path -> path.readOperations().forEach(operation -> {
            responseSchemas(operation, schema -> reachable(schema, schemas, fromResponses));
            requestSchemas(operation, schema -> reachable(schema, schemas, fromRequests));
        }));
        for (String name : fromResponses) {
            boolean alsoRequest = fromRequests.contains(name);
            names.typeOf(name).map(type -> type.getRawClass()).ifPresent(type -> {
                if (type.isRecord()) {
                    describe(type, schemas.get(name), !alsoRequest);
                } else {
                    nullableFields(type, schemas.get(name));
                }
            });
        }
    }

    /**
     * A class of bean properties (a MyBatis row answered as is): its {@code @Nullable} fields may be null. Nothing
     * more is stated, as its properties come from getters that need not match its fields.
     */
    @SuppressWarnings({"rawtypes", "unchecked"})
    private static void nullableFields(Class<?> type, Schema schema) {
        Map<String, Schema> properties = schema.getProperties();
        if (properties == null) {
            return;
        }
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            for (Field field : c.getDeclaredFields()) {
                Schema property = properties.get(field.getName());
                if (property != null && (field.isAnnotationPresent(Nullable.class)
                        || field.getAnnotatedType().isAnnotationPresent(Nullable.class))) {
                    properties.put(field.getName(), nullable(property));
                }
            }
        }
    }

    /**
     * @param responseOnly whether the record is never a request: only then are its components required and no
     *                     other property allowed. Which components may be null holds either way (a client may
     *                     send null where the server writes it).
     */
    @SuppressWarnings({"rawtypes", "unchecked"})
    private static void describe(Class<?> record, Schema schema, boolean responseOnly) {
        Map<String, Schema> properties = schema.getProperties();
        if (properties == null) {
            return;
        }
        List<String> required = new ArrayList<>();
        boolean closed = describeComponents(record, properties, responseOnly, required) && responseOnly;
        if (!required.isEmpty()) {
            Set<String> all = new LinkedHashSet<>(schema.getRequired() == null ? List.of() : schema.getRequired());
            all.addAll(required);
            schema.setRequired(new ArrayList<>(all));
        }
        if (closed) {
            schema.setAdditionalProperties(false);
        }
    }

    /**
     * Marks the properties of {@code record}'s components, and of the components of a record it unwraps
     * ({@code @JsonUnwrapped}: springdoc copies those properties into this schema, so their rules must be applied
     * here too). Returns whether every property Jackson writes is known, so no other may appear.
     */
    @SuppressWarnings({"rawtypes", "unchecked"})
    private static boolean describeComponents(Class<?> record, Map<String, Schema> properties, boolean responseOnly,
                                              List<String> required) {
        JsonInclude include = record.getAnnotation(JsonInclude.class);
        boolean alwaysWritten = responseOnly && (include == null || include.value() == JsonInclude.Include.ALWAYS);
        boolean closed = true;
        for (RecordComponent component : record.getRecordComponents()) {
            if (jackson(component, JsonAnyGetter.class)) {
                closed = false;
                continue;
            }
            if (jackson(component, JsonUnwrapped.class)) {
                closed &= component.getType().isRecord()
                        && describeComponents(component.getType(), properties, responseOnly, required);
                continue;
            }
            Schema property = properties.get(component.getName());
            if (property == null) {
                continue;
            }
            if (alwaysWritten) {
                required.add(component.getName());
            }
            // A boxed component the request side requires (@NotNull) is never null either way.
            if (BOXED.contains(component.getType()) && !annotated(component, NotNull.class)
                    || annotated(component, Nullable.class)) {
                properties.put(component.getName(), nullable(property));
            }
        }
        return closed;
    }

    /**
     * Jackson's annotations do not target record components, so Java puts them on the accessor and the field only.
     */
    private static boolean jackson(RecordComponent component, Class<? extends Annotation> annotation) {
        return component.getAccessor().isAnnotationPresent(annotation) || component.isAnnotationPresent(annotation);
    }

    /** On the component or, for a type-use annotation such as JSpecify's, on its type. */
    private static boolean annotated(RecordComponent component, Class<? extends Annotation> annotation) {
        return component.isAnnotationPresent(annotation) || component.getAnnotatedType().isAnnotationPresent(annotation);
    }

    /** The same property, also allowing null (OpenAPI 3.1: JSON Schema's "null" type). */
    @SuppressWarnings({"rawtypes", "unchecked"})
    private static Schema nullable(Schema property) {
        if (property.get$ref() != null) {
            Schema either = new Schema<>().anyOf(List.of(new Schema<>().$ref(property.get$ref()),
                    new Schema<>().types(Set.of("null"))));
            either.setDescription(property.getDescription());
            return either;
        }
        Set<String> types = new LinkedHashSet<>(property.getTypes() == null ? Set.of() : property.getTypes());
        if (types.isEmpty() && property.getType() != null) {
            types.add(property.getType());
        }
        types.add("null");
        property.setTypes(types);
        if (property.getEnum() != null && !property.getEnum().contains(null)) {
            List<Object> values = new ArrayList<>(property.getEnum());
            values.add(null);
            property.setEnum(values);
        }
        return property;
    }

    @SuppressWarnings("rawtypes")
    private static void responseSchemas(Operation operation, Consumer<Schema> sink) {
        if (operation.getResponses() != null) {
            operation.getResponses().forEach((status, response) -> {
                if (status.startsWith("2") && response.getContent() != null) {
                    response.getContent().values().stream().map(MediaType::getSchema).filter(Objects::nonNull)
                            .forEach(sink);
                }
            });
        }
    }

    @SuppressWarnings("rawtypes")
    private static void requestSchemas(Operation operation, Consumer<Schema> sink) {
        if (operation.getRequestBody() != null && operation.getRequestBody().getContent() != null) {
            operation.getRequestBody().getContent().values().stream().map(MediaType::getSchema)
                    .filter(Objects::nonNull).forEach(sink);
        }
        if (operation.getParameters() != null) {
            operation.getParameters().stream().map(p -> p.getSchema()).filter(Objects::nonNull).forEach(sink);
        }
    }

    /** Adds the names of the component schemas {@code start} refers to, directly or through other schemas. */
    @SuppressWarnings({"rawtypes", "unchecked"})
    static void reachable(Schema start, Map<String, Schema> components, Set<String> names) {
        Deque<Schema> work = new ArrayDeque<>();
        work.add(start);
        while (!work.isEmpty()) {
            Schema schema = work.poll();
            if (schema.get$ref() != null) {
                String name = schema.get$ref().substring(schema.get$ref().lastIndexOf('/') + 1);
                if (names.add(name) && components.containsKey(name)) {
                    work.add(components.get(name));
                }
                continue;
            }
            List<Schema> children = new ArrayList<>();
            if (schema.getProperties() != null) {
                children.addAll(schema.getProperties().values());
            }
            if (schema.getItems() != null) {
                children.add(schema.getItems());
            }
            if (schema.getAdditionalProperties() instanceof Schema additional) {
                children.add(additional);
            }
            for (Collection<Schema> group : java.util.Arrays.asList(schema.getAllOf(), schema.getAnyOf(), schema.getOneOf())) {
                if (group != null) {
                    children.addAll(group);
                }
            }
            work.addAll(children);
        }
    }
}
