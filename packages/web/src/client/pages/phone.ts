/** /activate/phone: an end user's phone activation through the public route. */
import { byId, followBrowserLanguage, pageLanguage, readText } from "../dom.js";
import { setupPhoneFlow } from "../phoneFlow.js";

followBrowserLanguage();
const deviceName = byId("device-name", HTMLInputElement);
setupPhoneFlow({
  endpoint: "/v1/offline/confirmations",
  reader: "user",
  text: readText(),
  language: pageLanguage(),
  extra: () => ({ deviceName: deviceName.value }),
});
