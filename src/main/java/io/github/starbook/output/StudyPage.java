package io.github.starbook.output;

import io.github.starbook.model.Difficulty;
import io.github.starbook.model.Guide;
import io.github.starbook.model.Layout;
import io.github.starbook.model.Output;
import io.github.starbook.render.PagePlanner;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Study mode's outputs: the study page (flashcards, mock interview, progress; the index of the
 * cards inside it), the cards' texts in chunks beside it ({@code study/cards/<n>.js}, classic
 * scripts, so it all works from disk; see {@link Cards}) and the Anki deck.
 */
public final class StudyPage {

  private StudyPage() {}

  public static List<Output> plan(Guide guide, PagePlanner pages) {
    Map<String, Object> ctx =
        pages.base(
            Layout.STUDY,
            "Study",
            "Flashcards with spaced repetition"
                + " and mock interviews for "
                + guide.site().title(),
            "study");
    Cards cards = new Cards(guide, Layout.STUDY);
    ctx.put("cards", cards);
    ctx.put("firstCards", cards.script(0)); // loaded by the page itself, the rest on demand
    ctx.put("ankiHref", Layout.root(Layout.STUDY) + AnkiDeck.FILE);
    ctx.put("allHref", Layout.page(Layout.STUDY, Layout.ALL));
    ctx.put("categories", Cards.categories(guide));
    ctx.put("tagNames", new ArrayList<>(guide.tags().keySet()));
    ctx.put("levels", Difficulty.used(guide.questions()));
    List<Output> out = new ArrayList<>();
    out.add(pages.page(Layout.STUDY + "index.html", "(study page)", "study.peb", ctx));
    out.addAll(cards.outputs());
    out.add(new Output(AnkiDeck.FILE, "(Anki export)", os -> AnkiDeck.write(guide, os)));
    return out;
  }
}
