package ladder.webapp.roadmap;

import java.util.Arrays;
import java.util.Locale;

/** What a roadmap can be exported as: the path segment of the API, file extension and media type. */
public enum ExportFormat {
    GV("gv", "text/vnd.graphviz"),
    SVG("svg", "image/svg+xml"),
    MD("md", "text/markdown"),
    JSON("json", "application/json");

    private final String extension;
    private final String mediaType;

    ExportFormat(String extension, String mediaType) {
        this.extension = extension;
        this.mediaType = mediaType;
    }

    public String extension() {
        return extension;
    }

    public String mediaType() {
        return mediaType;
    }

    /** The format of an API path segment such as {@code md}; throws a {@link RoadmapException} naming the choices. */
    public static ExportFormat parse(String name) {
        String wanted = name.strip().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(f -> f.extension.equals(wanted) || (wanted.equals("dot") && f == GV))
                .findFirst()
                .orElseThrow(() -> new RoadmapException("unknown export format '" + name + "': use gv, svg, md or json"));
    }
}
