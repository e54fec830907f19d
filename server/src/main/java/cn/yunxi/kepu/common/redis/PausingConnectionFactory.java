package cn.yunxi.kepu.common.redis;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.function.Supplier;

import org.springframework.dao.DataAccessException;
import org.springframework.data.redis.connection.RedisClusterConnection;
import org.springframework.data.redis.connection.RedisConnection;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.connection.RedisSentinelConnection;
import org.springframework.util.ClassUtils;

/**
 * The connection factory the application's template uses: the real one, with every command going through
 * {@link RedisPause}. Connections and the command groups they hand out ({@code zSetCommands()} and the like) are
 * wrapped, so a raw-connection call is guarded like a template call.
 */
final class PausingConnectionFactory implements RedisConnectionFactory {

    private final RedisConnectionFactory target;
    private final RedisPause pause;

    PausingConnectionFactory(RedisConnectionFactory target, RedisPause pause) {
        this.target = target;
        this.pause = pause;
    }

    @Override
    public RedisConnection getConnection() {
        pause.check();
        return guarded(connect(target::getConnection), RedisConnection.class);
    }

    @Override
    public RedisClusterConnection getClusterConnection() {
        pause.check();
        return guarded(connect(target::getClusterConnection), RedisClusterConnection.class);
    }

    /** A connection that cannot be had (Redis refused or silent while connecting) is an outage like a command's. */
    private <T> T connect(Supplier<T> connection) {
        try {
            return connection.get();
        } catch (RuntimeException failure) {
            pause.failed(failure);
            throw failure;
        }
    }

    @Override
    public boolean getConvertPipelineAndTxResults() {
        return target.getConvertPipelineAndTxResults();
    }

    @Override
    public RedisSentinelConnection getSentinelConnection() {
        return target.getSentinelConnection();
    }

    @Override
    public DataAccessException translateExceptionIfPossible(RuntimeException ex) {
        return target.translateExceptionIfPossible(ex);
    }

    @SuppressWarnings("unchecked")
    private <T> T guarded(T real, Class<T> type) {
        ClassLoader loader = real.getClass().getClassLoader();
        Class<?>[] interfaces = ClassUtils.getAllInterfacesForClass(real.getClass(), loader);
        return (T) Proxy.newProxyInstance(loader, interfaces.length == 0 ? new Class<?>[] {type} : interfaces,
                new Guard(real));
    }

    private final class Guard implements InvocationHandler {

        private final Object real;

        Guard(Object real) {
            this.real = real;
        }

        @Override
        public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
            boolean command = !isHousekeeping(method);
            if (command) {
                pause.check();
            }
            Object result;
            try {
                result = method.invoke(real, args);
            } catch (InvocationTargetException e) {
                if (command && e.getCause() instanceof RuntimeException failure) {
                    pause.failed(failure);
                }
                throw e.getCause();
            }
            if (command) {
                pause.answered();
            }
            Class<?> returned = method.getReturnType();
            if (result != null && returned.isInterface() && returned.getSimpleName().endsWith("Commands")
                    && returned.getPackageName().startsWith("org.springframework.data.redis.connection")) {
                ClassLoader loader = result.getClass().getClassLoader();
                return Proxy.newProxyInstance(loader, ClassUtils.getAllInterfacesForClass(result.getClass(), loader),
                        new Guard(result));
            }
            return result;
        }

        /** Closing and asking about the connection never talk to Redis: always allowed, never a failure. */
        private boolean isHousekeeping(Method method) {
            return switch (method.getName()) {
                case "close", "isClosed", "getNativeConnection", "isQueueing", "isPipelined", "equals", "hashCode",
                     "toString", "getSentinelConnection", "getClientName" -> true;
                default -> method.getName().endsWith("Commands") && method.getParameterCount() == 0;
            };
        }
    }
}
