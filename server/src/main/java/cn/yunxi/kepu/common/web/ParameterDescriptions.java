package cn.yunxi.kepu.common.web;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;
import org.springframework.core.MethodParameter;

/**
 * What an argument resolver worked out about a handler parameter, remembered per parameter: the resolvers that
 * stand in for Spring's are asked about every argument of every request, and reading annotations each time would
 * cost what they save.
 *
 * @param <T> the resolver's description of a parameter it takes; none for the parameters it leaves to Spring
 */
final class ParameterDescriptions<T> {

    private final Function<MethodParameter, @Nullable T> describe;
    private final Map<MethodParameter, Optional<T>> known = new ConcurrentHashMap<>();

    ParameterDescriptions(Function<MethodParameter, @Nullable T> describe) {
        this.describe = describe;
    }

    /** The parameter's description, or null when the resolver leaves it to Spring. */
    @Nullable T of(MethodParameter parameter) {
        return known.computeIfAbsent(parameter, p -> Optional.ofNullable(describe.apply(p))).orElse(null);
    }
}
