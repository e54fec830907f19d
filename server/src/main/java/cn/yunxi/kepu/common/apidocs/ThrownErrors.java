package cn.yunxi.kepu.common.apidocs;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

import org.springframework.asm.AnnotationVisitor;
import org.springframework.asm.ClassReader;
import org.springframework.asm.ClassVisitor;
import org.springframework.asm.Handle;
import org.springframework.asm.MethodVisitor;
import org.springframework.asm.Opcodes;
import org.springframework.asm.Type;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import cn.yunxi.kepu.common.web.ErrorCode;

/**
 * Which error codes an endpoint can answer with, read from the compiled code rather than listed by hand: every
 * {@link ErrorCode} constant that the handler method, or anything of ours it calls, reads (the codes features
 * throw as {@code new ApiException(EventErrors.EVENT_FULL)}), plus the codes of the exception handlers for the
 * exceptions it creates (an exception handled by a {@code @RestControllerAdvice} answers with what that handler
 * reads), and whether it writes to the database (where a unique key may refuse the row).
 *
 * <p>The call graph is over-approximated, never under: a call through an interface or an overridable method
 * reaches every implementation of ours, a lambda or method reference reaches its body, reading a static field
 * reaches the class's static initialiser (hot paths keep ready-made exceptions there), and a method reaches its
 * class's constructors (a bean's constructor wires the lambdas its methods hand work to). Only our own classes
 * ({@code cn.yunxi.kepu}) are followed; frameworks are leaves.
 */
final class ThrownErrors {

    private static final String ROOT = "cn/yunxi/kepu/";
    private static final String ERROR_CODE = Type.getInternalName(ErrorCode.class);
    private static final String ADVICE = Type.getDescriptor(RestControllerAdvice.class);
    private static final String HTTP_STATUS = "org/springframework/http/HttpStatus";
    /**
     * Statements that insert or change rows, where a unique key may refuse them (409 CONFLICT): our mapper methods
     * annotated {@code @Insert}/{@code @Update}, MyBatis-Plus's inherited ones by name, JDBC updates.
     */
    private static final Set<String> SQL_WRITES = Set.of("Lorg/apache/ibatis/annotations/Insert;",
            "Lorg/apache/ibatis/annotations/Update;");
    private static final Pattern MAPPER_WRITE = Pattern.compile("(insert|update|upsert|save|replace).*");
    private static final Set<String> JDBC_WRITES = Set.of("update", "batchUpdate", "executeBatch");

    /** What one method of ours does that matters here. */
    private record MethodFacts(Set<MethodRef> calls, Set<FieldRef> staticReads, Set<String> created,
                               boolean writes, boolean notModified) {
    }

    private record MethodRef(String owner, String name, String descriptor) {
    }

    private record FieldRef(String owner, String name) {
    }

    private record ClassFacts(String name, String superName, List<String> interfaces,
                              Map<String, MethodFacts> methods, boolean advice) {
    }

    /**
     * What a search from one handler method found: the codes, whether it writes rows, and whether it answers
     * 304 Not Modified to a matching {@code If-None-Match}.
     */
    record Found(Set<ErrorCode> codes, boolean writes, boolean notModified) {
    }

    private final Map<String, ClassFacts> classes;
    private final Map<String, Set<String>> subtypes = new HashMap<>();
    private final Map<String, Set<ErrorCode>> handledExceptions;
    private final Map<FieldRef, Optional<ErrorCode>> constants = new ConcurrentHashMap<>();
    private final Map<MethodRef, List<MethodRef>> targets = new ConcurrentHashMap<>();

    private ThrownErrors(Map<String, ClassFacts> classes) {
        this.classes = classes;
        for (ClassFacts facts : classes.values()) {
            if (facts.superName() != null) {
                subtypes.computeIfAbsent(facts.superName(), k -> new HashSet<>()).add(facts.name());
            }
            for (String iface : facts.interfaces()) {
                subtypes.computeIfAbsent(iface, k -> new HashSet<>()).add(facts.name());
            }
        }
        this.handledExceptions = exceptionHandlers();
    }

    /** Reads every class of the application once. */
    static ThrownErrors scan(ClassLoader loader) {
        Map<String, ClassFacts> classes = new HashMap<>();
        try {
            Resource[] resources = new PathMatchingResourcePatternResolver(loader)
                    .getResources("classpath*:" + ROOT + "**/*.class");
            for (Resource resource : resources) {
                try (InputStream in = resource.getInputStream()) {
                    ClassFacts facts = read(new ClassReader(in));
                    classes.put(facts.name(), facts);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the application's classes", e);
        }
        return new ThrownErrors(classes);
    }

    /** Reads only the given classes (a test's own small world). */
    static ThrownErrors of(Class<?>... types) {
        Map<String, ClassFacts> classes = new HashMap<>();
        for (Class<?> type : types) {
            String resource = Type.getInternalName(type) + ".class";
            try (InputStream in = type.getClassLoader().getResourceAsStream(resource)) {
                ClassFacts facts = read(new ClassReader(in));
                classes.put(facts.name(), facts);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return new ThrownErrors(classes);
    }

    /** The codes the method, and what it calls, can answer with. */
    Found of(Method method) {
        Set<ErrorCode> codes = new LinkedHashSet<>();
        boolean writes = false;
        boolean notModified = false;
        Set<MethodRef> seen = new HashSet<>();
        Set<String> classesEntered = new HashSet<>();
        Deque<MethodRef> work = new ArrayDeque<>();
        work.add(new MethodRef(Type.getInternalName(method.getDeclaringClass()), method.getName(),
                Type.getMethodDescriptor(method)));
        while (!work.isEmpty()) {
            MethodRef ref = work.poll();
            if (!seen.add(ref)) {
                continue;
            }
            ClassFacts owner = classes.get(ref.owner());
            MethodFacts facts = owner == null ? null : owner.methods().get(ref.name() + ref.descriptor());
            if (facts == null || isErrorCodeType(owner)) {
                // An error enum's own code (its initialiser lists every constant) says nothing about who throws.
                continue;
            }
            writes |= facts.writes();
            notModified |= facts.notModified();
            if (classesEntered.add(ref.owner())) {
                // Beans are built by Spring, not by a call we see: what their constructors set up (a batch
                // writer's lambda, a ready-made exception) runs on behalf of their methods.
                owner.methods().keySet().stream().filter(m -> m.startsWith("<")).forEach(m -> work.add(split(ref.owner(), m)));
            }
            for (FieldRef field : facts.staticReads()) {
                ErrorCode code = errorCode(field);
                if (code != null) {
                    codes.add(code);
                } else if (classes.containsKey(field.owner())) {
                    work.add(new MethodRef(field.owner(), "<clinit>", "()V"));
                }
            }
            for (String created : facts.created()) {
                codes.addAll(handledBy(created));
                ClassFacts type = classes.get(created);
                if (type != null && type.name().matches(".*\\$\\d+")) {
                    // An anonymous class: its methods run when whoever receives it calls them.
                    type.methods().keySet().forEach(m -> work.add(split(created, m)));
                }
            }
            for (MethodRef call : facts.calls()) {
                List<MethodRef> targets = implementations(call);
                work.addAll(targets);
                // Not declared by our mapper: inherited from MyBatis-Plus's BaseMapper (insert, updateById...).
                writes |= targets.isEmpty() && call.owner().endsWith("Mapper")
                        && MAPPER_WRITE.matcher(call.name()).matches();
            }
        }
        return new Found(codes, writes, notModified);
    }

    private Set<ErrorCode> handledBy(String exceptionType) {
        Set<ErrorCode> codes = new LinkedHashSet<>();
        for (String type = exceptionType; type != null; ) {
            codes.addAll(handledExceptions.getOrDefault(type, Set.of()));
            ClassFacts facts = classes.get(type);
            type = facts == null ? null : facts.superName();
        }
        return codes;
    }

    /** The method as declared by the owner or inherited, and every override of ours below the owner. */
    private List<MethodRef> implementations(MethodRef call) {
        return targets.computeIfAbsent(call, this::findImplementations);
    }

    private List<MethodRef> findImplementations(MethodRef call) {
        List<MethodRef> found = new ArrayList<>();
        String key = call.name() + call.descriptor();
        for (String type = call.owner(); type != null && classes.containsKey(type); ) {
            ClassFacts facts = classes.get(type);
            if (facts.methods().containsKey(key)) {
                found.add(new MethodRef(type, call.name(), call.descriptor()));
                break;
            }
            type = facts.superName();
        }
        if (!call.name().startsWith("<")) {
            Deque<String> below = new ArrayDeque<>(subtypes.getOrDefault(call.owner(), Set.of()));
            Set<String> visited = new HashSet<>();
            while (!below.isEmpty()) {
                String type = below.poll();
                if (visited.add(type)) {
                    if (classes.get(type).methods().containsKey(key)) {
                        found.add(new MethodRef(type, call.name(), call.descriptor()));
                    }
                    below.addAll(subtypes.getOrDefault(type, Set.of()));
                }
            }
        }
        return found;
    }

    private static boolean isErrorCodeType(ClassFacts facts) {
        return facts.name().equals(ERROR_CODE) || facts.interfaces().contains(ERROR_CODE);
    }

    /** The constant a static read names, when it is one of an {@link ErrorCode} enum's constants. */
    private ErrorCode errorCode(FieldRef field) {
        return constants.computeIfAbsent(field, f -> Optional.ofNullable(findErrorCode(f))).orElse(null);
    }

    private ErrorCode findErrorCode(FieldRef field) {
        ClassFacts owner = classes.get(field.owner());
        if (owner == null || !isErrorCodeType(owner)) {
            return null;
        }
        try {
            Class<?> type = Class.forName(field.owner().replace('/', '.'), false, ThrownErrors.class.getClassLoader());
            for (Object constant : type.getEnumConstants() == null ? new Object[0] : type.getEnumConstants()) {
                if (((Enum<?>) constant).name().equals(field.name())) {
                    return (ErrorCode) constant;
                }
            }
            return null;
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Exception type → the codes its {@code @ExceptionHandler} in a {@code @RestControllerAdvice} answers with. */
    private Map<String, Set<ErrorCode>> exceptionHandlers() {
        Map<String, Set<ErrorCode>> handlers = new HashMap<>();
        for (ClassFacts facts : classes.values()) {
            Class<?> advice = facts.advice() ? load(facts.name()) : null;
            if (advice == null || !advice.isAnnotationPresent(RestControllerAdvice.class)) {
                continue;
            }
            for (Method method : advice.getDeclaredMethods()) {
                ExceptionHandler handler = method.getAnnotation(ExceptionHandler.class);
                if (handler == null) {
                    continue;
                }
                Collection<Class<? extends Throwable>> handled = handler.value().length > 0
                        ? List.of(handler.value())
                        : List.of(method.getParameterTypes()).stream().filter(Throwable.class::isAssignableFrom)
                                .<Class<? extends Throwable>>map(t -> t.asSubclass(Throwable.class)).toList();
                Set<ErrorCode> codes = staticCodes(Type.getInternalName(advice), method);
                for (Class<? extends Throwable> type : handled) {
                    handlers.computeIfAbsent(Type.getInternalName(type), k -> new LinkedHashSet<>()).addAll(codes);
                }
            }
        }
        return handlers;
    }

    /** The codes a handler method reads, following calls (as {@code Problems.validation} reads VALIDATION_FAILED). */
    private Set<ErrorCode> staticCodes(String owner, Method method) {
        Set<ErrorCode> codes = new LinkedHashSet<>();
        Set<MethodRef> seen = new HashSet<>();
        Deque<MethodRef> work = new ArrayDeque<>();
        work.add(new MethodRef(owner, method.getName(), Type.getMethodDescriptor(method)));
        while (!work.isEmpty()) {
            MethodRef ref = work.poll();
            ClassFacts facts = classes.get(ref.owner());
            MethodFacts methodFacts = facts == null ? null : facts.methods().get(ref.name() + ref.descriptor());
            if (!seen.add(ref) || methodFacts == null) {
                continue;
            }
            methodFacts.staticReads().stream().map(this::errorCode).filter(c -> c != null).forEach(codes::add);
            methodFacts.calls().forEach(call -> work.addAll(implementations(call)));
        }
        return codes;
    }

    private static Class<?> load(String internalName) {
        try {
            return Class.forName(internalName.replace('/', '.'), false, ThrownErrors.class.getClassLoader());
        } catch (ClassNotFoundException | LinkageError e) {
            return null;
        }
    }

    private static MethodRef split(String owner, String nameAndDescriptor) {
        int paren = nameAndDescriptor.indexOf('(');
        return new MethodRef(owner, nameAndDescriptor.substring(0, paren), nameAndDescriptor.substring(paren));
    }

    private static ClassFacts read(ClassReader reader) {
        Map<String, MethodFacts> methods = new HashMap<>();
        boolean[] advice = {false};
        reader.accept(new ClassVisitor(Opcodes.ASM9) {
            @Override
            public AnnotationVisitor visitAnnotation(String descriptor, boolean visible) {
                advice[0] |= descriptor.equals(ADVICE);
                return null;
            }

            @Override
            public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                                             String[] exceptions) {
                Set<MethodRef> calls = new LinkedHashSet<>();
                Set<FieldRef> staticReads = new LinkedHashSet<>();
                Set<String> created = new LinkedHashSet<>();
                boolean[] writes = {false};
                boolean[] notModified = {false};
                methods.put(name + descriptor, new MethodFacts(calls, staticReads, created, false, false));
                return new MethodVisitor(Opcodes.ASM9) {
                    @Override
                    public AnnotationVisitor visitAnnotation(String annotation, boolean visible) {
                        writes[0] |= SQL_WRITES.contains(annotation);
                        return null;
                    }

                    @Override
                    public void visitFieldInsn(int opcode, String owner, String field, String fieldDescriptor) {
                        if (opcode == Opcodes.GETSTATIC && owner.startsWith(ROOT)) {
                            staticReads.add(new FieldRef(owner, field));
                        }
                        notModified[0] |= owner.equals(HTTP_STATUS) && field.equals("NOT_MODIFIED");
                    }

                    @Override
                    public void visitMethodInsn(int opcode, String owner, String method, String methodDescriptor,
                                                boolean isInterface) {
                        if (owner.startsWith(ROOT)) {
                            calls.add(new MethodRef(owner, method, methodDescriptor));
                        } else {
                            writes[0] |= isDatabaseWrite(owner, method);
                            notModified[0] |= method.equals("checkNotModified") || method.equals("notModified");
                        }
                    }

                    @Override
                    public void visitTypeInsn(int opcode, String type) {
                        if (opcode == Opcodes.NEW) {
                            created.add(type);
                        }
                    }

                    @Override
                    public void visitInvokeDynamicInsn(String method, String methodDescriptor, Handle bootstrap,
                                                       Object... arguments) {
                        for (Object argument : arguments) {
                            if (argument instanceof Handle handle && handle.getOwner().startsWith(ROOT)) {
                                calls.add(new MethodRef(handle.getOwner(), handle.getName(), handle.getDesc()));
                            }
                        }
                    }

                    @Override
                    public void visitEnd() {
                        methods.put(name + descriptor,
                                new MethodFacts(calls, staticReads, created, writes[0], notModified[0]));
                    }
                };
            }
        }, ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
        return new ClassFacts(reader.getClassName(), reader.getSuperName(), List.of(reader.getInterfaces()), methods,
                advice[0]);
    }

    private static boolean isDatabaseWrite(String owner, String method) {
        return (owner.startsWith("org/springframework/jdbc/") && JDBC_WRITES.contains(method))
                || (owner.startsWith("com/baomidou/") && MAPPER_WRITE.matcher(method).matches());
    }
}
