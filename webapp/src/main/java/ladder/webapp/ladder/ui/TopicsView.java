package ladder.webapp.ladder.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import ladder.model.ladder.Topic;
import ladder.webapp.account.AccountView;
import ladder.webapp.account.CurrentUser;
import ladder.webapp.ladder.EditableTopic;
import ladder.webapp.ladder.LadderConflictException;
import ladder.webapp.ladder.LadderException;
import ladder.webapp.ladder.TopicService;
import ladder.webapp.ui.Notifications;
import org.jspecify.annotations.Nullable;

/** Topics admin for mentors and admins: add, edit, retire (history stays) and reactivate. */
@Route("ladder/topics")
@PageTitle("Topics · Ladder")
@Menu(order = 14, title = "Topics", icon = "TAGS")
@RolesAllowed({"MENTOR", "ADMIN"})
class TopicsView extends VerticalLayout {

    final Grid<EditableTopic> grid = new Grid<>();
    final Button create = new Button("New topic");
    @Nullable TopicDialog dialog;
    private final TopicService topics;
    private final AccountView actor;

    TopicsView(TopicService topics, CurrentUser currentUser) {
        this.topics = topics;
        this.actor = currentUser.require();
        addClassName("ladder-page");
        setHeightFull();
        grid.addColumn(t -> t.topic().name()).setHeader("Name").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(t -> t.topic().id()).setHeader("Id").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(t -> t.topic().area()).setHeader("Area").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(t -> t.topic().description()).setHeader("Description").setFlexGrow(1);
        grid.addColumn(t -> t.topic().retired() ? "retired" : "active").setHeader("Status").setAutoWidth(true)
                .setFlexGrow(0);
        grid.addComponentColumn(t -> {
            Button edit = new Button("Edit", click -> openEdit(t));
            edit.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
            edit.setId("topic-edit-" + t.topic().id());
            Button retire = new Button(t.topic().retired() ? "Reactivate" : "Retire", click -> toggleRetired(t));
            retire.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
            retire.setId("topic-retire-" + t.topic().id());
            return new HorizontalLayout(edit, retire);
        }).setHeader("").setAutoWidth(true).setFlexGrow(0);
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_WRAP_CELL_CONTENT);
        create.setId("topic-new");
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        create.addClickListener(click -> openCreate());
        HorizontalLayout header = new HorizontalLayout(new H2("Topics"), create);
        header.setAlignItems(Alignment.BASELINE);
        add(header, new Paragraph("The topics learners climb the ladder in. Retire a topic instead of deleting "
                + "it: it takes no new claims, and every learner keeps its history."), grid);
        refresh();
    }

    void refresh() {
        grid.setItems(topics.editableTopics());
    }

    void openCreate() {
        dialog = new TopicDialog(null);
        dialog.open();
    }

    void openEdit(EditableTopic topic) {
        dialog = new TopicDialog(topic);
        dialog.open();
    }

    void toggleRetired(EditableTopic topic) {
        try {
            Topic changed = topics.setRetired(actor, topic.topic().id(), !topic.topic().retired(), topic.version());
            Notifications.success(changed.name() + (changed.retired() ? " retired" : " is active again"));
        } catch (LadderConflictException e) {
            Notifications.warning(e.getMessage());
        }
        refresh();
    }

    /** Adds a topic when {@code editing} is null, else edits its name, area and description. */
    final class TopicDialog extends Dialog {

        final TextField id = new TextField("Id");
        final TextField name = new TextField("Name");
        final TextField area = new TextField("Area");
        final TextArea description = new TextArea("Description");
        final Button save = new Button("Save");
        private final @Nullable EditableTopic editing;

        TopicDialog(@Nullable EditableTopic editing) {
            this.editing = editing;
            setHeaderTitle(editing == null ? "New topic" : "Edit " + editing.topic().name());
            id.setId("topic-id");
            name.setId("topic-name");
            area.setId("topic-area");
            description.setId("topic-description");
            save.setId("topic-save");
            id.setHelperText("A stable slug such as 'service-mesh': assessments and labs refer to it");
            if (editing != null) {
                id.setValue(editing.topic().id());
                id.setReadOnly(true);
                name.setValue(editing.topic().name());
                area.setValue(editing.topic().area());
                description.setValue(editing.topic().description());
            }
            add(new FormLayout(id, name, area, description));
            save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            save.addClickListener(click -> save());
            getFooter().add(new Button("Cancel", click -> close()), save);
        }

        void save() {
            try {
                if (editing == null) {
                    topics.addTopic(actor, id.getValue(), name.getValue(), area.getValue(), description.getValue());
                } else {
                    topics.editTopic(actor, editing.topic().id(), name.getValue(), area.getValue(), description.getValue(),
                            editing.version());
                }
                Notifications.success("Topic " + name.getValue().strip() + " saved");
                close();
                refresh();
            } catch (LadderConflictException e) {
                Notifications.warning(e.getMessage());
                if (editing != null) {
                    close();
                    refresh();
                }
            } catch (LadderException e) {
                Notifications.error(e.getMessage());
            }
        }
    }
}
