package dev.gatehouse.ui.breakglass;

/** What each stage of the set-up does and why, as its form says it before the plan gives the details. */
final class StageNotes {

    static final String TWO_PARTS = "Off: nobody ever sees the new accounts' passwords \u2014 they sign in with "
            + "their FIDO2 keys. On: each new password is shown once, in two halves, for two people to write down "
            + "and keep apart (ISM-1594).";
    static final String ACCOUNTS = "Creates the cloud-only accounts the plan names that do not exist yet: a long "
            + "random password made on this machine, no change forced at first sign-in, no licence and no usage "
            + "location. Accounts that are already there are kept as they are.";
    static final String PASSWORD = "The password is never shown unless you chose the two-part hand-off in the plan; "
            + "it is never written to the journal or the saved run.";
    static final String GROUP = "A role-assignable security group holds exactly the accounts. Why role-assignable: "
            + "only a Privileged Role Administrator or Global Administrator can change its membership, so a lesser "
            + "admin cannot add themselves to the group every Conditional Access policy excludes. Graph cannot make "
            + "an existing group role-assignable: if yours is not, a new group replaces it, takes its members, and "
            + "becomes the tenant's emergency-access group.";
    static final String REMOVE_OTHERS = "Off by default: someone put them there. On, each one is removed in a step "
            + "of its own, after the accounts are in.";
    static final String ROLE = "Each account becomes a permanent, active Global Administrator: a role assignment at "
            + "the directory's root (\u201c/\u201d), neither PIM-eligible nor time-bound, so it still works when PIM "
            + "or the admins who activate roles are the emergency. With Entra ID P2 the plan reads PIM: it names "
            + "accounts only eligible for the role or holding it for a time, and warns when PIM's settings do not "
            + "allow a permanent active assignment.";
    static final String METHODS = "One change to the authentication methods policy that keeps every existing target "
            + "and setting: passkeys (FIDO2) on for the group, with self-service registration, and the Temporary "
            + "Access Pass on for the group, one-time and short. A pass configuration other users rely on is never "
            + "narrowed.";
    static final String KEY_MODELS = "Optional: the AAGUID of each key model you will register, separated by commas. "
            + "The plan then says, before anything is sent, whether the tenant's FIDO2 key restrictions would refuse "
            + "them. The key's vendor publishes its AAGUID.";
    static final String PASSES = "One one-time Temporary Access Pass for each account without a key. Each code is "
            + "shown once, large, under the account's name, for reading aloud or typing at a second machine; Copy "
            + "puts it on the clipboard, which is cleared 60 seconds later. It is never saved or journaled.";
    static final String WINDOW = "The registration window: signing in with the pass at https://aka.ms/mysecurityinfo "
            + "gives about 10 minutes to register the account's FIDO2 key. Have the key and the sign-in name at hand "
            + "before you use it; one distinct key per account.";
    static final String REPLACE = "A usable pass is never replaced unasked: whoever holds its code may be about to "
            + "use it.";
    static final String MY_SECURITY_INFO = "https://aka.ms/mysecurityinfo";
    static final String REGISTER = "My Security Info, to open at the machine where each key is registered, in a clean "
            + "browser session, signed in with the account's name and its one-time pass. Gatehouse watches for each "
            + "key as it arrives; the plan area says what to do step by step.";
    static final String CLEAN_UP = "Once every account has its key, each account's pass is deleted, and anything "
            + "Microsoft advises against on these accounts goes: phone, Microsoft Authenticator, software OATH and "
            + "email methods, and licences. The plan lists each deletion with why.";
    static final String KEEP_METHODS = "Another method is another way in for an attacker, and one that is not "
            + "phishing-resistant: keep one only for a reason you can name. The health view goes on showing it.";
    static final String KEEP_LICENCES = "An emergency account needs no licence; a licence can give it a mailbox and "
            + "apps, more to attack and more to keep right.";
    static final String RECORD = "A printable page of the accounts, their keys, the next drill and the checkers' "
            + "entries. Type what is written on each key and where it is kept (and where each password part is, when "
            + "they were handed over in two parts): places only, never a password, pass or PIN. Left empty, a line "
            + "prints blank to fill in by hand. A file that exists already is never replaced.";
    static final String DEDICATED = "Optional. Microsoft's emergency-access guidance asks for phishing-resistant MFA on "
            + "these accounts; its Conditional Access templates ask to exclude them from every policy. Both hold with "
            + "one policy of their own: the group only, every resource, the built-in strength Phishing-resistant MFA "
            + "(a FIDO2 key qualifies). It is saved in report-only first. A policy that already does this for the "
            + "group counts. Skip both steps to keep the accounts excluded everywhere.";
    static final String WHAT_IF = "Before the policy is turned on: Graph's What If is asked, for each account signing "
            + "in to the Azure portal and the Azure management API it calls, which policies would apply (report-only "
            + "ones included), beside Gatehouse's own reading of the policies. Only the phishing-resistant policy "
            + "should reach the accounts. A disagreement means one of the two reads this tenant wrongly: read it "
            + "before going on. Nothing in the tenant changes.";
    static final String DEDICATED_ON = "Optional. Turns the policy on, only when every account has a FIDO2 key the "
            + "methods policy lets it use: otherwise it is refused before anything is sent, since it would lock that "
            + "account out. Afterwards, sign in once with each key (a drill) to see it work.";
    static final String EXCLUSIONS = "For every policy, whether the emergency-access group is excluded. The plan "
            + "adds the group to the exclusions of each policy that would reach the accounts, and changes nothing "
            + "else in the policy.";

    private StageNotes() {
    }
}
