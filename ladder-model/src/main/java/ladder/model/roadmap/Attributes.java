package ladder.model.roadmap;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An immutable, ordered set of DOT attributes, at most one per name. Order is the order in which
 * names were first set, which export keeps; setting an existing name replaces its value in place.
 * Two instances are equal when they hold the same attributes in the same order.
 */
public final class Attributes implements Iterable<Attribute> {
    private static final Attributes EMPTY = new Attributes(new LinkedHashMap<>());

    private final Map<String, Attribute> byName;

    private Attributes(LinkedHashMap<String, Attribute> byName) {
        this.byName = Collections.unmodifiableMap(byName);
    }

    public static Attributes empty() {
        return EMPTY;
    }

    /** Plain attributes from a map, in the map's iteration order. */
    public static Attributes of(Map<String, String> values) {
        var copy = new LinkedHashMap<String, Attribute>();
        values.forEach((name, value) -> copy.put(name, Attribute.of(name, value)));
        return new Attributes(copy);
    }

    /** Attributes from a list; a later attribute of the same name replaces the earlier value in place. */
    public static Attributes of(List<Attribute> attributes) {
        var copy = new LinkedHashMap<String, Attribute>();
        attributes.forEach(a -> copy.put(a.name(), a));
        return new Attributes(copy);
    }

    public Optional<String> get(String name) {
        Attribute a = byName.get(name);
        return a == null ? Optional.empty() : Optional.of(a.value());
    }

    public Optional<Attribute> attribute(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    public boolean contains(String name) {
        return byName.containsKey(name);
    }

    /** A copy with {@code attribute} set (replacing a value of the same name in place). */
    public Attributes with(Attribute attribute) {
        var copy = new LinkedHashMap<>(byName);
        copy.put(attribute.name(), attribute);
        return new Attributes(copy);
    }

    /** A copy with the plain attribute {@code name=value} set. */
    public Attributes with(String name, String value) {
        return with(Attribute.of(name, value));
    }

    /** A copy without the attribute {@code name} (the same instance if it was absent). */
    public Attributes without(String name) {
        if (!byName.containsKey(name)) {
            return this;
        }
        var copy = new LinkedHashMap<>(byName);
        copy.remove(name);
        return new Attributes(copy);
    }

    /** Names to values, in order; HTML values without their outer angle brackets. */
    public Map<String, String> asMap() {
        var map = new LinkedHashMap<String, String>();
        byName.values().forEach(a -> map.put(a.name(), a.value()));
        return Collections.unmodifiableMap(map);
    }

    public List<Attribute> list() {
        return List.copyOf(byName.values());
    }

    public int size() {
        return byName.size();
    }

    public boolean isEmpty() {
        return byName.isEmpty();
    }

    @Override
    public Iterator<Attribute> iterator() {
        return byName.values().iterator();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Attributes that
                && new ArrayList<>(byName.values()).equals(new ArrayList<>(that.byName.values()));
    }

    @Override
    public int hashCode() {
        return new ArrayList<>(byName.values()).hashCode();
    }

    @Override
    public String toString() {
        return byName.values().toString();
    }
}
