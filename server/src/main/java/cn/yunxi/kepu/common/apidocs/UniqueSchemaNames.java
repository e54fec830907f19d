package cn.yunxi.kepu.common.apidocs;

import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

import org.springdoc.core.customizers.OpenApiCustomizer;

import com.fasterxml.jackson.databind.JavaType;

import io.swagger.v3.core.converter.AnnotatedType;
import io.swagger.v3.core.converter.ModelConverter;
import io.swagger.v3.core.converter.ModelConverterContext;
import io.swagger.v3.core.jackson.TypeNameResolver;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.Schema;

/**
 * Makes schema names unique by construction. The document names a schema after the Java type's simple name
 * (or its {@code @Schema(name = ...)}), so two records both called {@code Review} would silently share one schema
 * and one of the two endpoints would be documented with the other's shape. Every type of ours passes through
 * this converter on its way to the document; the second distinct type claiming a name stops the document from
 * being generated, naming both types, so the clash is fixed (with {@code @Schema(name = ...)}) before it ships.
 * It also remembers which Java type each name stands for, which {@link ResponseSchemas} needs.
 *
 * <p>There is one per JVM ({@link #SHARED}): swagger keeps its model converters in a JVM-wide registry, and
 * springdoc replaces a registered converter with the newest context's instance of the same class. With one
 * instance per application context (as the tests have, several contexts alive at once), the converter that saw
 * the types could be another context's, and that context's document would silently lose what
 * {@link ResponseSchemas} adds. Java types, and so the names they claim, are the same for every context.
 */
final class UniqueSchemaNames implements ModelConverter, OpenApiCustomizer {

    static final UniqueSchemaNames SHARED = new UniqueSchemaNames();

    private static final String OURS = "cn.yunxi.kepu.";

    private final Map<String, JavaType> typesByName = new ConcurrentHashMap<>();
    private final Set<String> clashes = ConcurrentHashMap.newKeySet();

    /** One per JVM in the application ({@link #SHARED}); tests make their own to try clashes. */
    UniqueSchemaNames() {
    }

    @Override
    public Schema resolve(AnnotatedType annotated, ModelConverterContext context, Iterator<ModelConverter> chain) {
        JavaType type = Json.mapper().constructType(annotated.getType());
        if (isNamedSchema(type)) {
            claim(TypeNameResolver.std.nameForType(type), type);
        }
        return chain.hasNext() ? chain.next().resolve(annotated, context, chain) : null;
    }

    @Override
    public boolean isOpenapi31() {
        return true;
    }

    /** Records that {@code name} stands for {@code type}; fails when another type already holds the name. */
    void claim(String name, JavaType type) {
        JavaType holder = typesByName.putIfAbsent(name, type);
        if (holder != null && !holder.equals(type)) {
            String clash = "OpenAPI schema name '" + name + "' is claimed by both " + holder.toCanonical() + " and "
                    + type.toCanonical() + ": give one of them a unique @Schema(name = ...)";
            clashes.add(clash);
            throw new IllegalStateException(clash);
        }
    }

    /**
     * springdoc catches and logs some exceptions of model converters and carries on with a partial schema, so the
     * finished document is refused here as well.
     */
    @Override
    public void customise(OpenAPI openApi) {
        if (!clashes.isEmpty()) {
            throw new IllegalStateException(String.join("; ", new TreeSet<>(clashes)));
        }
    }

    /** The Java type a schema of the document was generated from, if it is one of ours. */
    Optional<JavaType> typeOf(String schemaName) {
        return Optional.ofNullable(typesByName.get(schemaName));
    }

    /** Types the document describes as a named component: our classes, records and generic envelopes, not enums. */
    private static boolean isNamedSchema(JavaType type) {
        Class<?> raw = type.getRawClass();
        return raw.getName().startsWith(OURS) && !raw.isEnum() && !raw.isInterface() && !type.isContainerType();
    }
}
