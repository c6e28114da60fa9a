package org.parley.environments.codebase;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.parley.environments.codebase.lang.SourceEdits;
import org.parley.environments.codebase.task.FeatureChange;
import org.parley.environments.codebase.task.FeatureChanges;
import org.parley.runtime.environment.Action;
import org.parley.runtime.environment.OrderedData;
import org.parley.runtime.environment.Observation;
import org.parley.runtime.mind.Mind;
import org.parley.runtime.mind.Turn;

/**
 * A rule-based programmer (policy {@code coder}). It plans one change per feature, announces the
 * functions it will touch ("I will change function net in pricing.fn"), and when a teammate has
 * claimed a function it also needs it may — with its coordination skill — hand its change over
 * ("could you also add my feature f2 there? I will not touch net in pricing.fn") instead of
 * editing the same lines. It answers questions and hand-over requests with its communicativeness,
 * sometimes forgets a change it promised to include, sometimes edits a function after promising
 * to stay out, makes mistakes its visible tests may or may not reveal, and submits. Those
 * dispositions, not scripted outcomes, produce the conflicts, broken commitments and unanswered
 * questions the environment measures.
 */
public final class CoderMind implements Mind {
    public static final String POLICY = "coder";

    private enum State { PLANNED, DONE, DELEGATED }

    /** One change this coder is responsible for: its own feature, or a teammate's it accepted. */
    private static final class Work {
        final String feature;
        final FeatureChange change;
        final boolean obligation;
        State state = State.PLANNED;
        FeatureChange.Bug bug;
        boolean bugDrawn;
        boolean forgotten;
        boolean deviate;
        boolean conflictDecided;
        boolean honour;
        boolean verified;
        String delegatedTo;
        int fixes;

        Work(String feature, FeatureChange change, boolean obligation) {
            this.feature = feature;
            this.change = change;
            this.obligation = obligation;
        }

        String target() {
            return change.target();
        }
    }

    private record Reply(String to, String text, Map<String, Object> args) {}

    private final String me;
    private final CoderTraits traits;
    private final SplittableRandom rnd;

    private final List<Work> works = new ArrayList<>();
    private final List<String> team = new ArrayList<>();
    private final Map<String, String> claims = new LinkedHashMap<>();
    private final Map<String, String> files = new TreeMap<>();
    private final Map<String, String> pristine = new TreeMap<>();
    private final Set<String> dirtyTargets = new LinkedHashSet<>();
    private final Deque<Reply> replies = new ArrayDeque<>();
    private final Map<String, Map<String, String>> peerFunctions = new TreeMap<>();
    private final Set<String> peersDiffed = new LinkedHashSet<>();
    private final Set<String> peersSubmitted = new LinkedHashSet<>();
    private int verifyWaits;
    private List<String> fileList = List.of();
    private List<String> conflicts = List.of();
    private boolean messaging;
    private boolean teamView;
    private int budget = Integer.MAX_VALUE;
    private int steps;
    private boolean listed;
    private boolean announced;
    private boolean asked;
    private boolean testsDirty;
    private boolean dryRunDone;
    private boolean submitted;
    private String waitingFor;
    private Work waitingWork;
    private int waited;
    private boolean nudged;
    private long lastWaitMillis = 60_000;

    public CoderMind(String me, CoderTraits traits, long seed) {
        this.me = me;
        this.traits = traits;
        this.rnd = new SplittableRandom(seed);
    }

    /** How long a send-and-wait blocks under the free protocol. */
    public CoderMind withWaitMillis(long millis) {
        this.lastWaitMillis = millis;
        return this;
    }

    @Override
    public String describe() {
        return "rule-based:" + POLICY;
    }

    // ---------------------------------------------------------------- perceiving

    @Override
    @SuppressWarnings("unchecked")
    public void perceive(Observation o) {
        if (!Observation.ENVIRONMENT.equals(o.source())) {
            if (CodebaseTools.SEND_MESSAGE.equals(o.kind())) hear(o);
            return;
        }
        switch (o.kind()) {
            case "briefing" -> {
                team.addAll(((List<Object>) o.data().get("team")).stream().map(String::valueOf).toList());
                messaging = Boolean.TRUE.equals(o.data().get("messaging"));
                teamView = Boolean.TRUE.equals(o.data().get("team-view"));
                if (o.data().get("step-budget") instanceof Number n) budget = n.intValue();
                for (Object f : (List<Object>) o.data().get("features")) {
                    var m = (Map<String, Object>) f;
                    works.add(new Work(String.valueOf(m.get("id")), FeatureChanges.fromMap((Map<String, Object>) m.get("change")), false));
                }
            }
            case CodebaseTools.LIST_FILES -> {
                listed = true;
                if (o.data().get("files") instanceof List<?> l) fileList = l.stream().map(String::valueOf).toList();
            }
            case CodebaseTools.READ_FILE -> {
                if (o.data().get("content") instanceof String content) {
                    String path = String.valueOf(o.data().get("path"));
                    files.put(path, content);
                    pristine.putIfAbsent(path, content);
                }
            }
            case CodebaseTools.RUN_TESTS -> {
                testsDirty = false;
                if (o.data().get("failing") instanceof List<?> failing) {
                    for (Object f : failing) fix(String.valueOf(f));
                }
            }
            case CodebaseTools.DRY_RUN_MERGE -> {
                if (o.data().get("conflicts") instanceof List<?> l) conflicts = l.stream().map(String::valueOf).toList();
            }
            case CodebaseTools.PEER_DIFF -> {
                String peer = String.valueOf(o.data().get("peer"));
                var fns = new TreeMap<String, String>();
                if (o.data().get("functions") instanceof Map<?, ?> m) m.forEach((k, v) -> fns.put(String.valueOf(k), String.valueOf(v)));
                peerFunctions.put(peer, fns);
                if (Boolean.TRUE.equals(o.data().get("submitted"))) peersSubmitted.add(peer);
            }
            case CodebaseTools.SUBMIT, "budget-exhausted" -> submitted = true;
            default -> { }
        }
    }

    /** Visible tests failed for a feature this coder implemented: redo it carefully (twice at most). */
    private void fix(String feature) {
        for (Work w : works) {
            if (w.feature.equals(feature) && w.state == State.DONE && w.fixes < 2) {
                w.fixes++;
                w.bug = null;
                w.state = State.PLANNED;
            }
        }
    }

    @SuppressWarnings("unchecked")
    private void hear(Observation o) {
        String from = o.source();
        String text = String.valueOf(o.data().getOrDefault("text", o.text()));
        if (from.equals(waitingFor) && waitingWork == null) {
            waitingFor = null;
        }
        for (Commitment c : CommitmentExtractor.extract(from, text, o.turn())) {
            switch (c.kind()) {
                case CHANGE -> claims.putIfAbsent(c.target(), from);
                case KEEP_OUT -> claims.remove(c.target(), from);
                case INCLUDE -> {
                    for (Work w : works) {
                        if (w.feature.equals(c.feature()) && w.state == State.DELEGATED) {
                            w.delegatedTo = from;
                            if (w == waitingWork) {
                                waitingWork = null;
                                waitingFor = null;
                            }
                        }
                    }
                }
            }
        }
        if (!text.contains("?")) return;
        // A question: answering is a matter of communicativeness.
        if (rnd.nextDouble() >= traits.communicativeness()) return;
        if (o.data().get("handoff") instanceof Map<?, ?> h) {
            var handoff = (Map<String, Object>) h;
            String feature = String.valueOf(handoff.get("feature"));
            FeatureChange change = FeatureChanges.fromMap((Map<String, Object>) handoff.get("change"));
            if (works.stream().anyMatch(w -> w.feature.equals(feature))) return;
            var w = new Work(feature, change, true);
            // Promising is easy; remembering is diligence.
            w.forgotten = rnd.nextDouble() < traits.forgetRate() * (1 - traits.diligence());
            works.add(w);
            dirtyTargets.add(change.target());
            replies.add(new Reply(from, "OK, I will include your change for " + feature + " in " + change.function()
                    + " in " + change.file() + ".", Map.of()));
            return;
        }
        var mine = new ArrayList<String>();
        for (Work w : works) {
            if (w.state != State.DELEGATED && text.contains(w.change.file())) mine.add(commitmentPhrase(w));
        }
        replies.add(new Reply(from, mine.isEmpty() ? "No, I am not changing anything there." : "Yes: " + String.join(" ", mine), Map.of()));
    }

    // ---------------------------------------------------------------- deciding

    @Override
    public CompletionStage<Action> decide(Turn turn) {
        Action a = choose();
        if (!a.is("none")) steps++;
        return CompletableFuture.completedFuture(a.producedBy(describe()));
    }

    private Action choose() {
        if (submitted) return Action.none(me);
        // No early submit when the budget runs low: the environment cuts a coder off at its budget
        // and submits the branch as it stands, which is what "running out of budget" means.
        if (!replies.isEmpty()) {
            Reply r = replies.poll();
            return message(r.to(), r.text(), r.args(), 0);
        }
        if (!listed) return tool(CodebaseTools.LIST_FILES, Map.of());
        boolean coop = team.size() > 1;
        if (coop && messaging) {
            Action a = coordinate();
            if (a != null) return a;
        }
        if (waitingFor != null) {
            if (waited < traits.patience()) {
                waited++;
                if (!nudged && waitingWork != null && rnd.nextDouble() < traits.communicativeness() * 0.3) {
                    nudged = true;
                    return handoffMessage(waitingWork, waitingFor, "Reminder: ");
                }
                return Action.none(me);
            }
            giveUpWaiting();
        }
        if (rnd.nextDouble() < (1 - traits.diligence()) * 0.15 && !fileList.isEmpty()) {
            // Wandering: a less diligent coder re-reads files it does not need.
            return tool(CodebaseTools.READ_FILE, Map.of("path", fileList.get(rnd.nextInt(fileList.size()))));
        }
        Action work = nextEdit();
        if (work != null) return work;
        if (testsDirty) {
            testsDirty = false;
            if (rnd.nextDouble() < 0.3 + 0.7 * traits.diligence()) return tool(CodebaseTools.RUN_TESTS, Map.of());
        }
        if (coop && teamView) {
            Action a = useTeamView();
            if (a != null) return a;
        }
        for (Work w : works) {
            if (w.state == State.DELEGATED && w.delegatedTo == null) {
                // Handed over but never accepted: take it back rather than ship without it.
                w.state = State.PLANNED;
                dirtyTargets.add(w.target());
                Action retry = nextEdit();
                if (retry != null) return retry;
            }
        }
        return submit();
    }

    /** Announcing, hand-overs, questions. Returns null when there is nothing to say. */
    private Action coordinate() {
        for (Work w : works) {
            if (w.obligation || w.state != State.PLANNED || w.change instanceof FeatureChange.AddFunction) continue;
            String owner = claims.get(w.target());
            if (owner == null || owner.equals(me)) continue;
            if (!w.conflictDecided) {
                w.conflictDecided = true;
                w.honour = rnd.nextDouble() < traits.coordination();
                w.deviate = rnd.nextDouble() < traits.deviation();
            }
            if (w.honour) {
                w.state = State.DELEGATED;
                w.delegatedTo = null;
                dirtyTargets.add(w.target());
                waitingFor = owner;
                waitingWork = w;
                waited = 0;
                nudged = false;
                return handoffMessage(w, owner, "");
            }
        }
        if (!announced) {
            announced = true;
            var plan = works.stream().filter(w -> !w.obligation && w.state == State.PLANNED).toList();
            if (!plan.isEmpty() && rnd.nextDouble() < traits.communicativeness()) {
                var sb = new StringBuilder();
                for (Work w : plan) {
                    claims.putIfAbsent(w.target(), me);
                    sb.append(commitmentPhrase(w)).append(' ');
                }
                return message(audience(), sb.toString().strip(), Map.of(), 0);
            }
        }
        if (!asked) {
            asked = true;
            if (rnd.nextDouble() < traits.communicativeness() * 0.4) {
                var mine = works.stream().filter(w -> !w.obligation).findFirst();
                if (mine.isPresent()) {
                    String peer = peers().get(rnd.nextInt(peers().size()));
                    waitingFor = peer;
                    waitingWork = null;
                    waited = 0;
                    nudged = true;
                    return message(peer, "Are you changing anything in " + mine.get().change.file() + "?", Map.of(), lastWaitMillis);
                }
            }
        }
        return null;
    }

    private void giveUpWaiting() {
        if (waitingWork != null && waitingWork.state == State.DELEGATED && waitingWork.delegatedTo == null) {
            // No answer to the hand-over: do it oneself (and likely collide with the owner).
            waitingWork.state = State.PLANNED;
            waitingWork.honour = false;
            dirtyTargets.add(waitingWork.target());
            if (rnd.nextDouble() < traits.communicativeness()) {
                replies.add(new Reply(waitingFor, "No answer, so I will change function " + waitingWork.change.function()
                        + " in " + waitingWork.change.file() + " myself.", Map.of()));
            }
        }
        waitingFor = null;
        waitingWork = null;
    }

    /** Read the file, then patch each function whose intended content changed. */
    private Action nextEdit() {
        for (Work w : works) {
            if (w.state == State.DELEGATED && w.delegatedTo != null && w.deviate) {
                // Promised to stay out, edits anyway.
                w.state = State.PLANNED;
                w.deviate = false;
                dirtyTargets.add(w.target());
            }
            if (w.state == State.PLANNED && !(w.obligation && w.forgotten)) dirtyTargets.add(w.target());
        }
        for (String target : dirtyTargets) {
            String file = target.substring(0, target.indexOf('#'));
            String function = target.substring(target.indexOf('#') + 1);
            if (!files.containsKey(file)) return tool(CodebaseTools.READ_FILE, Map.of("path", file));
            String intended = intendedFile(file);
            String code = SourceEdits.functionText(intended, function);
            dirtyTargets.remove(target);
            for (Work w : works) {
                if (w.target().equals(target) && w.state == State.PLANNED && !(w.obligation && w.forgotten)) w.state = State.DONE;
            }
            if (code == null) {
                // The function exists nowhere any more (a hand-over of a new function): nothing to write.
                return nextEdit();
            }
            String current = SourceEdits.functionText(files.get(file), function);
            if (code.equals(current)) return nextEdit();
            files.put(file, SourceEdits.replaceFunction(files.get(file), function, code));
            testsDirty = true;
            return tool(CodebaseTools.APPLY_PATCH, OrderedData.of("path", file, "function", function, "code", code));
        }
        return null;
    }

    /** The file as this coder means it to be: the version first read plus every change it carries. */
    private String intendedFile(String file) {
        String text = pristine.get(file);
        for (Work w : works) {
            if (!w.change.file().equals(file) || w.state == State.DELEGATED || (w.obligation && w.forgotten)) continue;
            if (!w.bugDrawn) {
                w.bugDrawn = true;
                if (rnd.nextDouble() < traits.bugRate() * (1.2 - traits.diligence())) {
                    w.bug = rnd.nextBoolean() ? FeatureChange.Bug.BOUNDARY : FeatureChange.Bug.VALUE;
                }
            }
            text = (w.bug == null ? w.change : w.change.withBug(w.bug)).apply(text);
        }
        return text;
    }

    /** Dry-run the merge; on a conflict the later teammate hands its change over; check hand-overs. */
    private Action useTeamView() {
        if (!dryRunDone) {
            dryRunDone = true;
            if (rnd.nextDouble() < traits.coordination()) return tool(CodebaseTools.DRY_RUN_MERGE, Map.of());
        }
        if (!conflicts.isEmpty()) {
            for (String peer : peers()) {
                if (peersDiffed.add(peer)) return tool(CodebaseTools.PEER_DIFF, Map.of("peer", peer));
            }
            var conflicted = conflicts;
            conflicts = List.of();
            for (Work w : works) {
                if (w.obligation || w.state != State.DONE || !conflicted.contains(w.change.file())) continue;
                for (String peer : peers()) {
                    boolean both = peerFunctions.getOrDefault(peer, Map.of()).containsKey(w.target());
                    if (both && (!messaging || peersSubmitted.contains(peer)) && rnd.nextDouble() < traits.coordination()) {
                        // Nobody left to negotiate with: build on the teammate's version of the
                        // function, so this branch carries both changes.
                        String fn = w.change.function();
                        String theirs = peerFunctions.get(peer).get(w.target());
                        if (theirs != null && !theirs.isEmpty() && pristine.containsKey(w.change.file())) {
                            pristine.put(w.change.file(), SourceEdits.replaceFunction(pristine.get(w.change.file()), fn, theirs));
                            dirtyTargets.add(w.target());
                            Action adopt = nextEdit();
                            if (adopt != null) return adopt;
                        }
                        continue;
                    }
                    if (both && messaging && !peersSubmitted.contains(peer) && team.indexOf(me) > team.indexOf(peer)) {
                        w.state = State.DELEGATED;
                        w.delegatedTo = null;
                        w.deviate = false;
                        dirtyTargets.add(w.target());
                        waitingFor = peer;
                        waitingWork = w;
                        waited = 0;
                        nudged = false;
                        return handoffMessage(w, peer, "Our branches conflict. ");
                    }
                }
            }
        }
        for (Work w : works) {
            if (w.state != State.DELEGATED || w.delegatedTo == null || w.verified) continue;
            if (rnd.nextDouble() >= traits.coordination()) {
                w.verified = true;
                continue;
            }
            if (!peerFunctions.containsKey(w.delegatedTo) || !peersDiffed.contains(w.delegatedTo + "@verify")) {
                peersDiffed.add(w.delegatedTo + "@verify");
                return tool(CodebaseTools.PEER_DIFF, Map.of("peer", w.delegatedTo));
            }
            if (!peersSubmitted.contains(w.delegatedTo) && verifyWaits < traits.patience()) {
                // The owner is still working: look again later rather than judge a branch in progress.
                verifyWaits++;
                peersDiffed.remove(w.delegatedTo + "@verify");
                return Action.none(me);
            }
            w.verified = true;
            String text = peerFunctions.get(w.delegatedTo).getOrDefault(w.target(), "");
            if (!includes(text, w.change)) {
                // The owner did not include it (yet): do it oneself after all.
                w.state = State.PLANNED;
                dirtyTargets.add(w.target());
                return nextEdit();
            }
        }
        return null;
    }

    private static boolean includes(String functionText, FeatureChange change) {
        return switch (change) {
            case FeatureChange.Guard g -> functionText.contains(g.region().param()) && functionText.contains(String.valueOf(g.region().bound()));
            case FeatureChange.WrapLet w -> functionText.contains(String.valueOf(w.region().bound()));
            case FeatureChange.AddFunction a -> !functionText.isEmpty();
        };
    }

    // ---------------------------------------------------------------- speaking

    private static String commitmentPhrase(Work w) {
        return w.change instanceof FeatureChange.AddFunction
                ? "I will add function " + w.change.function() + " to " + w.change.file() + " for " + w.feature + "."
                : "I will change function " + w.change.function() + " in " + w.change.file() + " for " + w.feature + ".";
    }

    private Action handoffMessage(Work w, String owner, String prefix) {
        var handoff = new LinkedHashMap<String, Object>();
        handoff.put("feature", w.feature);
        handoff.put("change", FeatureChanges.toMap(w.change));
        String text = prefix + "You are changing " + w.change.function() + " in " + w.change.file()
                + ". Could you also add my feature " + w.feature + " there? " + w.change.describe()
                + " I will not touch " + w.change.function() + " in " + w.change.file() + ".";
        return message(owner, text, Map.of("handoff", handoff), lastWaitMillis);
    }

    private List<String> peers() {
        return team.stream().filter(t -> !t.equals(me)).toList();
    }

    private String audience() {
        return peers().size() == 1 ? peers().getFirst() : "all";
    }

    private Action message(String to, String text, Map<String, Object> extra, long waitMillis) {
        var args = new LinkedHashMap<String, Object>();
        args.put("to", to);
        args.put("text", text);
        if (waitMillis > 0) args.put("wait", waitMillis / 1000.0);
        args.putAll(extra);
        return new Action(me, CodebaseTools.SEND_MESSAGE, text, to, args, waitMillis, null);
    }

    private Action tool(String kind, Map<String, Object> args) {
        return new Action(me, kind, "", null, args, 0, null);
    }

    private Action submit() {
        return tool(CodebaseTools.SUBMIT, Map.of());
    }
}
