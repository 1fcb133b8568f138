package org.phasebook.notebook;

import java.util.Locale;

/**
 * How large a notebook run is: the sizes (trajectory lengths, lattice sides, sample counts,
 * training epochs) a notebook uses are chosen by the scale, so that the same notebook serves as a
 * seconds-long test, as the source of the committed figures and as a full reproduction.
 *
 * <p>The scale is read from the environment variable {@value #VARIABLE}, whose allowed values
 * are {@code quick}, {@code default} and {@code paper} (case is ignored). When the variable is
 * unset or empty the scale is {@link #DEFAULT}. A notebook picks its sizes with
 * {@link #pick(int, int, int)} and its siblings:
 *
 * <pre>{@code
 * Scale scale = Scale.current();
 * int steps = scale.pick(2_000, 50_000, 1_000_000);
 * }</pre>
 */
public enum Scale {
    /** Seconds per notebook: what the test suite runs. */
    QUICK,
    /** A few minutes per notebook on two cores: the committed figures. */
    DEFAULT,
    /** The paper's own sizes, however long they take. */
    PAPER;

    /** The environment variable that selects the scale. */
    public static final String VARIABLE = "PHASEBOOK_SCALE";

    /** The scale selected by {@value #VARIABLE} in this process's environment. */
    public static Scale current() {
        return parse(System.getenv(VARIABLE));
    }

    /**
     * The scale named by a value of {@value #VARIABLE}.
     *
     * @param value {@code quick}, {@code default} or {@code paper}, in any case and with
     *              surrounding blanks ignored; {@code null} or blank means {@link #DEFAULT}
     * @throws IllegalArgumentException for any other value, listing the allowed ones
     */
    public static Scale parse(String value) {
        if (value == null || value.isBlank()) {
            return DEFAULT;
        }
        String id = value.strip().toLowerCase(Locale.ROOT);
        for (Scale scale : values()) {
            if (scale.id().equals(id)) {
                return scale;
            }
        }
        throw new IllegalArgumentException(VARIABLE + " must be one of quick, default, paper (or unset for default); got \""
                + value + "\"");
    }

    /** The lower-case name used in {@value #VARIABLE} and in manifests: {@code quick}, {@code default} or {@code paper}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The value for this scale among three, one per scale. */
    public int pick(int quick, int normal, int paper) {
        return switch (this) {
            case QUICK -> quick;
            case DEFAULT -> normal;
            case PAPER -> paper;
        };
    }

    /** The value for this scale among three, one per scale. */
    public long pick(long quick, long normal, long paper) {
        return switch (this) {
            case QUICK -> quick;
            case DEFAULT -> normal;
            case PAPER -> paper;
        };
    }

    /** The value for this scale among three, one per scale. */
    public double pick(double quick, double normal, double paper) {
        return switch (this) {
            case QUICK -> quick;
            case DEFAULT -> normal;
            case PAPER -> paper;
        };
    }

    /** The value for this scale among three, one per scale (records, strings, arrays...). */
    public <T> T pick(T quick, T normal, T paper) {
        return switch (this) {
            case QUICK -> quick;
            case DEFAULT -> normal;
            case PAPER -> paper;
        };
    }

    /** The same as {@link #id()}, so that a scale prints as it is written in the environment. */
    @Override
    public String toString() {
        return id();
    }
}
