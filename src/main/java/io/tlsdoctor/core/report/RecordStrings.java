package io.tlsdoctor.core.report;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

/**
 * Every string in a tree of records and lists, reached generically, so that redaction covers each field of the
 * summary, including fields added later, without a hand-written copy method per record that could forget one.
 * Enums, numbers and booleans are left alone (they are the machine-readable part and never hold names).
 */
final class RecordStrings {

    private RecordStrings() {}

    static void forEach(Object value, Consumer<String> action) {
        if (value instanceof String text) {
            action.accept(text);
        } else if (value instanceof List<?> list) {
            list.forEach(item -> forEach(item, action));
        } else if (value instanceof Record record) {
            for (RecordComponent component : record.getClass().getRecordComponents()) {
                forEach(read(record, component), action);
            }
        }
    }

    static <T> T map(T value, UnaryOperator<String> change) {
        return map(value, change, component -> false);
    }

    /**
     * The same tree with every string changed, except in the record components {@code untouched} names (a format's
     * own fields, such as a schema name, that hold no outside text).
     */
    @SuppressWarnings("unchecked")
    static <T> T map(T value, UnaryOperator<String> change, Predicate<RecordComponent> untouched) {
        if (value instanceof String text) {
            return (T) change.apply(text);
        }
        if (value instanceof List<?> list) {
            List<Object> mapped = new ArrayList<>(list.size());
            list.forEach(item -> mapped.add(map(item, change, untouched)));
            return (T) List.copyOf(mapped);
        }
        if (value instanceof Record record) {
            RecordComponent[] components = record.getClass().getRecordComponents();
            Object[] args = new Object[components.length];
            Class<?>[] types = new Class<?>[components.length];
            for (int i = 0; i < components.length; i++) {
                Object part = read(record, components[i]);
                args[i] = untouched.test(components[i]) ? part : map(part, change, untouched);
                types[i] = components[i].getType();
            }
            try {
                Constructor<?> canonical = record.getClass().getDeclaredConstructor(types);
                return (T) canonical.newInstance(args);
            } catch (NoSuchMethodException | InstantiationException | IllegalAccessException e) {
                throw new IllegalStateException(
                        "cannot copy " + record.getClass().getSimpleName(), e);
            } catch (InvocationTargetException e) {
                throw new IllegalStateException(
                        "cannot copy " + record.getClass().getSimpleName(), e.getCause());
            }
        }
        return value;
    }

    private static Object read(Record record, RecordComponent component) {
        try {
            return component.getAccessor().invoke(record);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("cannot read " + component.getName(), e);
        } catch (InvocationTargetException e) {
            throw new IllegalStateException("cannot read " + component.getName(), e.getCause());
        }
    }
}
