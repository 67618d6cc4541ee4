package io.tidemark.conform.evolution;

import io.tidemark.sources.NewFieldKind;
import java.util.Collection;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * Which types a new field's values may take, and which stored column types may change.
 *
 * <ul>
 *   <li>Within one batch, integral and fractional numbers widen to double; any other mix (a number and a string,
 *       a boolean and a number, ...) has no common type: nothing widens to string silently.</li>
 *   <li>A value fits a stored column of its own type, and an integral number fits a double column.</li>
 *   <li>A stored column never changes type. Spark 3.5's Parquet reader reads a column only as the type it was
 *       written with (verified with 3.5.9: int files read as bigint, and bigint files read as double, both fail
 *       with "Parquet column cannot be converted"), and the published partitions keep their files.</li>
 * </ul>
 */
public final class TypeWidening {
    private TypeWidening() {
    }

    /** The column type that holds every kind seen for a new field in one batch; empty if there is none. */
    public static Optional<String> commonType(Collection<NewFieldKind> kinds) {
        Set<NewFieldKind> distinct = kinds.isEmpty() ? EnumSet.noneOf(NewFieldKind.class) : EnumSet.copyOf(kinds);
        if (distinct.isEmpty()) {
            return Optional.empty();
        }
        if (distinct.size() == 1) {
            return Optional.of(distinct.iterator().next().columnType());
        }
        if (distinct.equals(EnumSet.of(NewFieldKind.BIGINT, NewFieldKind.DOUBLE))) {
            return Optional.of(NewFieldKind.DOUBLE.columnType());
        }
        return Optional.empty();
    }

    /** Whether a value of this kind can be stored in a column of the stored type without loss. */
    public static boolean fits(NewFieldKind kind, String storedType) {
        return kind.columnType().equals(storedType)
                || kind == NewFieldKind.BIGINT && storedType.equals(NewFieldKind.DOUBLE.columnType());
    }

    /** The kinds whose values fit a column of the stored type. */
    public static Set<NewFieldKind> kindsFitting(String storedType) {
        Set<NewFieldKind> kinds = EnumSet.noneOf(NewFieldKind.class);
        for (NewFieldKind kind : NewFieldKind.values()) {
            if (fits(kind, storedType)) {
                kinds.add(kind);
            }
        }
        return kinds;
    }

    /** Whether a stored column may be declared with another type: only the same type (see the class comment). */
    public static boolean canChangeStoredType(String storedType, String declaredType) {
        return storedType.equals(declaredType);
    }
}
