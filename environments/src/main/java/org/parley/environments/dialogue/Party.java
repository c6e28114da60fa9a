package org.parley.environments.dialogue;

import org.parley.environments.dialogue.setting.RoleBrief;
import java.util.ArrayList;
import java.util.List;
import org.parley.agents.persona.Persona;

/** The environment's running record of one participant: conduct, secrets, favours. */
final class Party {

    /** Where a party's own request stands; later answers never lower what was already won. */
    enum FavourStatus { NOT_ASKED, ASKED, DECLINED, PARTIAL, GRANTED }

    final String id;
    final String role;
    final RoleBrief brief;
    final Persona persona;
    final List<String> secrets;
    final boolean[] disclosed;

    double toneSum;
    int actions;
    boolean left;
    boolean abruptLeave;
    boolean saidGoodbye;
    int requestsMade;
    FavourStatus favour = FavourStatus.NOT_ASKED;
    int refusalsGiven;
    int grantsGiven;
    int partialsGiven;

    Party(String id, String role, RoleBrief brief, Persona persona) {
        this.id = id;
        this.role = role;
        this.brief = brief;
        this.persona = persona;
        var all = new ArrayList<>(brief.secrets());
        // persona secrets travel with the person into every scenario
        for (String s : persona.secrets()) {
            if (!all.contains(s)) {
                all.add(s);
            }
        }
        this.secrets = List.copyOf(all);
        this.disclosed = new boolean[secrets.size()];
    }

    int disclosedCount() {
        int n = 0;
        for (boolean d : disclosed) {
            if (d) {
                n++;
            }
        }
        return n;
    }

    void raiseFavour(FavourStatus status) {
        if (status.ordinal() > favour.ordinal()) {
            favour = status;
        }
    }
}
