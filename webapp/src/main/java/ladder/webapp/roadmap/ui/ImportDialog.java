package ladder.webapp.roadmap.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.server.streams.UploadHandler;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import ladder.model.roadmap.DotImportException;
import ladder.model.roadmap.DotImporter;
import ladder.model.roadmap.DotText;
import ladder.model.roadmap.RoadmapDiff;
import ladder.webapp.account.AccountView;
import ladder.webapp.roadmap.RoadmapConflictException;
import ladder.webapp.roadmap.RoadmapException;
import ladder.webapp.roadmap.RoadmapService;
import ladder.webapp.roadmap.RoadmapSnapshot;
import ladder.webapp.ui.Notifications;

/**
 * Import in the browser: upload a {@code .gv} file (at most 1 MiB) or paste DOT, see what would
 * change, then replace the current roadmap or store it as a new one. A refused file shows its error
 * with line and column, and nothing is stored.
 */
class ImportDialog extends Dialog {

    private final RoadmapService roadmaps;
    private final AccountView actor;
    private final long roadmapId;
    private final Consumer<RoadmapSnapshot> imported;
    private long previewedVersion;

    final Upload upload;
    final TextArea dot = new TextArea("DOT");
    final Button preview = new Button("Preview changes");
    final Div diff = new Div();
    final Span error = new Span();
    final Button replace = new Button("Replace the roadmap");
    final TextField newName = new TextField("Or store as a new roadmap named");
    final Button create = new Button("Create roadmap");

    ImportDialog(RoadmapService roadmaps, AccountView actor, RoadmapSnapshot current, Consumer<RoadmapSnapshot> imported) {
        this.roadmaps = roadmaps;
        this.actor = actor;
        this.roadmapId = current.id();
        this.imported = imported;
        setId("import-dialog");
        setHeaderTitle("Import DOT into '" + current.name() + "'");
        setWidth("min(56rem, 95vw)");

        UI ui = UI.getCurrent();
        upload = new Upload(UploadHandler.inMemory((metadata, bytes) -> ui.access(() -> uploaded(bytes))));
        upload.setId("import-upload");
        upload.setMaxFiles(1);
        upload.setMaxFileSize(DotImporter.MAX_BYTES);
        upload.setAcceptedFileTypes(".gv", ".dot", "text/vnd.graphviz", "text/plain");
        upload.addFileRejectedListener(rejected -> showError(rejected.getErrorMessage()
                + " (at most 1 MiB of .gv or .dot)"));

        dot.setId("import-dot");
        dot.setWidthFull();
        dot.setMinHeight("12rem");
        dot.setMaxHeight("24rem");
        dot.setPlaceholder("digraph { rankdir=TB; a [tooltip=\"...\"]; a -> b; }");
        dot.addValueChangeListener(change -> replace.setEnabled(false));
        preview.setId("import-preview");
        preview.addClickListener(click -> preview());
        diff.setId("import-diff");
        error.setId("import-error");
        error.addClassName("roadmap-error");
        replace.setId("import-replace");
        replace.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_ERROR);
        replace.setEnabled(false);
        replace.addClickListener(click -> replace());
        newName.setId("import-name");
        create.setId("import-create");
        create.addClickListener(click -> create());

        HorizontalLayout asNew = new HorizontalLayout(newName, create);
        asNew.setAlignItems(HorizontalLayout.Alignment.BASELINE);
        add(new Paragraph("Upload a .gv file or paste DOT. Nothing changes until you replace or create."),
                upload, dot, preview, error, diff, asNew);
        Button cancel = new Button("Cancel", click -> close());
        getFooter().add(cancel, replace);
    }

    /** The file as text: UTF-8, or the charset the graph declares (e.g. {@code charset=latin1}). */
    void uploaded(byte[] bytes) {
        try {
            dot.setValue(DotText.decode(bytes));
            preview();
        } catch (DotImportException e) {
            showError(e.getMessage());
        }
    }

    void preview() {
        diff.removeAll();
        error.setText("");
        replace.setEnabled(false);
        try {
            RoadmapSnapshot current = roadmaps.get(roadmapId);
            RoadmapDiff changes = roadmaps.preview(roadmapId, dot.getValue());
            previewedVersion = current.version();
            show(changes);
            replace.setEnabled(!changes.isEmpty());
        } catch (RoadmapException e) {
            showError(e.getMessage());
        }
    }

    private void show(RoadmapDiff changes) {
        if (changes.isEmpty()) {
            diff.add(new Paragraph("No change: the DOT describes the roadmap as it is."));
            return;
        }
        section("Goals added", changes.goalsAdded().stream().map(g -> g.id() + " — " + g.title()).toList());
        section("Goals removed", changes.goalsRemoved().stream().map(g -> g.id() + " — " + g.title()).toList());
        section("Goals changed", changes.goalsChanged().stream().map(c -> c.id() + ": "
                + String.join(", ", c.fields().stream().map(f -> f.name().toLowerCase(Locale.ROOT)).toList())).toList());
        section("Dependencies added", changes.dependenciesAdded().stream().map(d -> d.from() + " → " + d.to()).toList());
        section("Dependencies removed", changes.dependenciesRemoved().stream().map(d -> d.from() + " → " + d.to()).toList());
        if (changes.graphChanged()) {
            diff.add(new Paragraph("Graph attributes, defaults or subgraphs change too."));
        }
    }

    private void section(String title, List<String> lines) {
        if (lines.isEmpty()) {
            return;
        }
        UnorderedList list = new UnorderedList();
        lines.stream().limit(50).forEach(line -> list.add(new ListItem(line)));
        if (lines.size() > 50) {
            list.add(new ListItem("… and " + (lines.size() - 50) + " more"));
        }
        diff.add(new H4(title + " (" + lines.size() + ")"), list);
    }

    void replace() {
        try {
            RoadmapSnapshot after = roadmaps.replace(roadmapId, dot.getValue(), previewedVersion, actor);
            Notifications.success("Roadmap '" + after.name() + "' replaced");
            close();
            imported.accept(after);
        } catch (RoadmapConflictException | RoadmapException e) {
            showError(e.getMessage());
        }
    }

    void create() {
        try {
            RoadmapSnapshot created = roadmaps.create(newName.getValue(), dot.getValue(), actor);
            Notifications.success("Roadmap '" + created.name() + "' created");
            close();
            imported.accept(created);
        } catch (RoadmapConflictException | RoadmapException e) {
            showError(e.getMessage());
        }
    }

    private void showError(String message) {
        diff.removeAll();
        replace.setEnabled(false);
        error.setText("Refused: " + message);
    }
}
