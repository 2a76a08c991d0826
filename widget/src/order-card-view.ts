// An order card in the buyer's chat: check the address after paying (confirm, or correct
// it), or say yes/no to another colour or size. The card itself carries no address: the
// buyer's own recipient is fetched for them when the card shows. Text goes in through
// textContent only (dom.ts).
import type { OrderCard } from "../../server/src/modules/conversations/chat-protocol";
import { h } from "./dom";
import type { Messages } from "./i18n";

export interface CardRecipient {
  name: string | null;
  phone: string | null;
  address: string | null;
}

export type CardAnswer = { answer: "confirm" } | { answer: "decline" } | { answer: "correct"; recipient: { name: string; phone: string; address: string } };

export interface OrderCardHandlers {
  recipient(actionId: string): Promise<CardRecipient | null>;
  answer(actionId: string, answer: CardAnswer): Promise<void>;
}

const STATE_KEYS = {
  confirmed: "cardConfirmed",
  corrected: "cardCorrected",
  declined: "cardDeclined",
  withdrawn: "cardWithdrawn",
  failed: "cardFailed",
} as const;

function button(label: string, testid: string, primary = false): HTMLButtonElement {
  return h("button", { type: "button", class: primary ? "cbtn primary" : "cbtn", "data-testid": testid }, label);
}

function field(label: string, testid: string, value: string | null, multiline = false): [HTMLElement, HTMLInputElement | HTMLTextAreaElement] {
  const input = multiline ? h("textarea", { rows: "2", "data-testid": testid, maxlength: "300" }) : h("input", { type: "text", "data-testid": testid, maxlength: "50" });
  input.value = value ?? "";
  return [h("label", {}, label, input), input];
}

export function renderOrderCard(card: OrderCard, t: Messages, handlers: OrderCardHandlers | null): HTMLElement {
  const box = h("div", { class: "ocard", "data-testid": "order-card", "data-state": card.state, "data-kind": card.kind });
  box.append(h("div", { class: "ohead" }, card.kind === "address_check" ? t.cardAddressTitle : t.cardSkuTitle, h("small", {}, `${t.cardOrder} ${card.orderRef}`)));
  if (card.kind === "sku_change") {
    box.append(h("div", { class: "obody" }, h("b", {}, card.title ?? ""), h("div", {}, `${card.from ?? ""} → ${card.to ?? ""}`)));
  }
  if (card.state !== "pending" || !handlers) {
    if (card.state !== "pending") box.append(h("div", { class: `ostate ${card.state}` }, t[STATE_KEYS[card.state]]));
    return box;
  }
  const actions = h("div", { class: "oactions" });
  const problem = h("div", { class: "oproblem", hidden: true });
  const run = async (answer: CardAnswer, buttons: HTMLButtonElement[]) => {
    for (const b of buttons) b.disabled = true;
    problem.hidden = true;
    try {
      await handlers.answer(card.actionId, answer);
    } catch {
      // The card's state comes back by event; a refusal (shipped, sold out) shows as "failed".
      problem.textContent = t.cardProblem;
      problem.hidden = false;
      for (const b of buttons) b.disabled = false;
    }
  };

  if (card.kind === "sku_change") {
    const yes = button(t.cardAgree, "order-card-confirm", true);
    const no = button(t.cardDecline, "order-card-decline");
    yes.addEventListener("click", () => void run({ answer: "confirm" }, [yes, no]));
    no.addEventListener("click", () => void run({ answer: "decline" }, [yes, no]));
    actions.append(no, yes);
    box.append(actions, problem);
    return box;
  }

  const details = h("div", { class: "obody" }, t.loading);
  const yes = button(t.cardAddressOk, "order-card-confirm", true);
  const edit = button(t.cardAddressEdit, "order-card-correct");
  actions.append(edit, yes);
  box.append(details, actions, problem);
  let recipient: CardRecipient | null = null;
  void handlers.recipient(card.actionId).then(
    (found) => {
      recipient = found;
      details.textContent = "";
      details.append(h("div", {}, `${found?.name ?? ""}  ${found?.phone ?? ""}`), h("div", {}, found?.address ?? ""));
    },
    () => (details.textContent = t.cardProblem),
  );
  yes.addEventListener("click", () => void run({ answer: "confirm" }, [yes, edit]));
  edit.addEventListener("click", () => {
    const [nameRow, name] = field(t.cardName, "order-card-name", recipient?.name ?? null);
    const [phoneRow, phone] = field(t.cardPhone, "order-card-phone", recipient?.phone ?? null);
    const [addressRow, address] = field(t.cardAddress, "order-card-address", recipient?.address ?? null, true);
    const save = button(t.cardSave, "order-card-submit", true);
    const form = h("div", { class: "oform" }, nameRow, phoneRow, addressRow, save);
    save.addEventListener("click", () => {
      const values = { name: name.value.trim(), phone: phone.value.trim(), address: address.value.trim() };
      if (!values.name || !/^[+\d][\d\s-]{5,19}$/.test(values.phone) || values.address.length < 5) {
        problem.textContent = t.cardInvalid;
        problem.hidden = false;
        return;
      }
      void run({ answer: "correct", recipient: values }, [save]);
    });
    actions.replaceWith(form);
    name.focus();
  });
  return box;
}
