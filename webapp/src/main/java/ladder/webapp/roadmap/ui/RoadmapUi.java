package ladder.webapp.roadmap.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.server.streams.DownloadHandler;
import java.util.Locale;
import ladder.model.roadmap.GoalStatus;
import ladder.webapp.roadmap.ExportFormat;
import ladder.webapp.roadmap.RoadmapService;

/** What the roadmap views share: the legend, status badges and downloads. */
final class RoadmapUi {

    private RoadmapUi() {
    }

    /** The swatch colour of a status in the HTML legend and badges; pending is drawn unfilled, like dot does. */
    static String color(GoalStatus status) {
        return status.fillColor().orElse("white");
    }

    static String label(GoalStatus status) {
        return status.dotName().replace('_', ' ');
    }

    static Component legend() {
        Div legend = new Div();
        legend.addClassName("roadmap-legend");
        legend.setId("roadmap-legend");
        legend.add(new Span("Legend:"));
        for (GoalStatus status : GoalStatus.values()) {
            legend.add(badge(status));
        }
        return legend;
    }

    static Span badge(GoalStatus status) {
        Span badge = new Span(label(status));
        badge.addClassName("roadmap-status");
        badge.addClassName("roadmap-status-" + status.dotName());
        Span swatch = new Span();
        swatch.addClassName("roadmap-swatch");
        swatch.getStyle().set("background-color", color(status));
        badge.addComponentAsFirst(swatch);
        return badge;
    }

    static Anchor download(RoadmapService roadmaps, long roadmapId, String roadmapName, ExportFormat format) {
        DownloadHandler handler = event -> {
            byte[] bytes = roadmaps.exported(roadmapId, format).file();
            event.setFileName(fileName(roadmapName) + "." + format.extension());
            event.setContentType(format.mediaType() + ";charset=UTF-8");
            event.setContentLength(bytes.length);
            event.getOutputStream().write(bytes);
        };
        Anchor anchor = new Anchor(handler, format.name());
        anchor.setId("download-" + format.extension());
        anchor.getElement().setAttribute("download", true);
        anchor.addClassName("roadmap-download");
        return anchor;
    }

    static String fileName(String name) {
        String safe = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9._-]+", "-").replaceAll("^-+|-+$", "");
        return safe.isEmpty() ? "roadmap" : safe;
    }
}
