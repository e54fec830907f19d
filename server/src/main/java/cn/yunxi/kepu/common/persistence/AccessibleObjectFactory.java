package cn.yunxi.kepu.common.persistence;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.util.List;

import org.apache.ibatis.reflection.ReflectionException;
import org.apache.ibatis.reflection.factory.DefaultObjectFactory;

/**
 * Creates result objects through one cached, accessible no-argument constructor per class. Our entities are
 * package-private (package by feature), and MyBatis's default factory looks the constructor up afresh for every
 * row, calls it, fails with an IllegalAccessException (a stack trace filled each time), and only then makes it
 * accessible: that was a large part of the CPU of every query that maps rows.
 */
final class AccessibleObjectFactory extends DefaultObjectFactory {

    private static final long serialVersionUID = 1L;

    private static final ClassValue<Constructor<?>> NO_ARG_CONSTRUCTORS = new ClassValue<>() {
        @Override
        protected Constructor<?> computeValue(Class<?> type) {
            try {
                Constructor<?> constructor = type.getDeclaredConstructor();
                constructor.setAccessible(true);
                return constructor;
            } catch (NoSuchMethodException | RuntimeException e) {
                return null; // records and the like: the default factory's constructor-argument path handles them
            }
        }
    };

    @Override
    public <T> T create(Class<T> type, List<Class<?>> constructorArgTypes, List<Object> constructorArgs) {
        if (constructorArgTypes == null || constructorArgTypes.isEmpty()) {
            Class<?> concrete = resolveInterface(type);
            Constructor<?> constructor = NO_ARG_CONSTRUCTORS.get(concrete);
            if (constructor != null) {
                try {
                    return type.cast(constructor.newInstance());
                } catch (InstantiationException | IllegalAccessException | InvocationTargetException e) {
                    throw new ReflectionException("Error instantiating " + concrete.getName() + ": " + e, e);
                }
            }
        }
        return super.create(type, constructorArgTypes, constructorArgs);
    }
}
