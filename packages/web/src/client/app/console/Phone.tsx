import { useSpeech } from "../i18n.js";
import { CallerConfirmation } from "./Caller.js";
import { useSession } from "./session.js";

/**
 * /console/phone: support does a caller's phone activation without opening a license first (the address of
 * the older phone page, kept for bookmarks): the desk's caller form, which finds the license from the ID.
 */
export function PhonePage() {
  const session = useSession();
  const { words, t } = useSpeech();
  const w = words.phone;
  return (
    <>
      <h1>{w.callerTitle}</h1>
      <p class="intro">{w.callerIntro}</p>
      {session.me.role === "readonly" ? (
        <p class="notice" role="alert" id="phone-role">
          {t(w.roleTooLow, { role: session.me.role })}
        </p>
      ) : (
        <CallerConfirmation />
      )}
    </>
  );
}
