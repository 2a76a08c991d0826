// One FAQ entry in a form: its question variants (one per line), the answer with
// {variables}, intent, category, pre-sales stage and scope. Used to add and edit entries
// (faq.manage, also "save and approve" a proposal) and by an agent proposing one from a chat.
import { App, AutoComplete, Button, Form, Input, Modal, Radio, Select, Space, Typography } from "antd";
import { useEffect, useMemo } from "react";
import { useTranslation } from "react-i18next";
import { INTENTS, type Intent } from "../../../../server/src/modules/assistant/intent/labels";
import { VARIABLES } from "../../../../server/src/modules/knowledge/variables";
import { ApiError } from "../../platform/api";
import { PRESALES_STAGES, type PresalesStage } from "../../platform/types";
import { useShopProducts } from "../assistant/product-api";
import { useFaqMutations, type FaqContent, type FaqEntry, type FaqScopeType } from "./faq-api";
import { questionLines, type ProposalStart } from "./proposal";

export type FaqFormMode =
  | { kind: "create"; shopId: string }
  | { kind: "edit"; entry: FaqEntry }
  | { kind: "propose"; shopId: string; conversationId: string; start: ProposalStart; intent: Intent | null; productId: string | null };

interface Values {
  questions: string;
  answer: string;
  intent: Intent;
  category: string;
  stage: PresalesStage | null;
  scopeType: FaqScopeType;
  scopeValues: string[];
}

/** A {name} the server would refuse: it is none of the variables, so it would reach the buyer as written. */
const hasUnknownVariable = (text: string) => [...text.matchAll(/\{([a-z_]+)\}/g)].some(([, name]) => !(VARIABLES as readonly string[]).includes(name!));

function initialValues(mode: FaqFormMode): Values {
  if (mode.kind === "edit") {
    const e = mode.entry;
    return { questions: e.questions.join("\n"), answer: e.answer, intent: e.intent, category: e.category, stage: e.stage, scopeType: e.scope.type, scopeValues: e.scope.values };
  }
  if (mode.kind === "propose") {
    return {
      questions: mode.start.questions,
      answer: mode.start.answer,
      intent: mode.intent ?? "other",
      category: "",
      stage: null,
      scopeType: mode.productId ? "product" : "shop",
      scopeValues: mode.productId ? [mode.productId] : [],
    };
  }
  return { questions: "", answer: "", intent: "other", category: "", stage: null, scopeType: "shop", scopeValues: [] };
}

/** An error the server names a field for, on the form's field. */
function formField(field: string): keyof Values | null {
  const head = field.split(".")[0]!;
  if (head === "scope") return "scopeValues";
  return (["questions", "answer", "intent", "category", "stage"] as const).find((f) => f === head) ?? null;
}

export function FaqFormModal({ mode, categories, onClose }: { mode: FaqFormMode | null; categories: readonly string[]; onClose: (saved?: boolean) => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const { create, update, review, propose } = useFaqMutations();
  const shopId = mode === null ? null : mode.kind === "edit" ? mode.entry.shopId : mode.shopId;
  const products = useShopProducts(shopId ?? "", mode !== null);
  const scopeType = Form.useWatch("scopeType", form);
  const productCategories = useMemo(() => [...new Set((products.data?.items ?? []).map((p) => p.category))], [products.data]);

  useEffect(() => {
    if (!mode) return;
    form.resetFields();
    form.setFieldsValue(initialValues(mode));
  }, [mode, form]);

  if (!mode || !shopId) return null;

  const contentOf = (values: Values): FaqContent => ({
    questions: questionLines(values.questions),
    answer: values.answer.trim(),
    intent: values.intent,
    category: (values.category ?? "").trim(),
    stage: values.stage ?? null,
    scope: { type: values.scopeType, values: values.scopeType === "shop" ? [] : values.scopeValues ?? [] },
  });

  const save = async (approve: boolean) => {
    let values: Values;
    try {
      values = await form.validateFields();
    } catch {
      return;
    }
    const content = contentOf(values);
    try {
      if (mode.kind === "create") await create.mutateAsync({ shopId, ...content });
      else if (mode.kind === "edit") {
        await update.mutateAsync({ id: mode.entry.id, patch: content });
        if (approve) await review.mutateAsync({ id: mode.entry.id, decision: "approve" });
      } else {
        await propose.mutateAsync({ ...content, conversationId: mode.conversationId, questionSeqs: mode.start.questionSeqs, answerSeqs: mode.start.answerSeqs });
      }
      void message.success(t(mode.kind === "propose" ? "knowledge.proposed" : approve ? "knowledge.approved" : "knowledge.saved"));
      onClose(true);
    } catch (error) {
      if (error instanceof ApiError && error.field) {
        const name = formField(error.field);
        if (name) form.setFields([{ name, errors: [error.message] }]);
      }
      void message.error(error instanceof ApiError && error.status === 400 ? error.message : t("knowledge.saveFailed"));
    }
  };

  const busy = create.isPending || update.isPending || review.isPending || propose.isPending;
  const title = t(mode.kind === "create" ? "knowledge.createTitle" : mode.kind === "edit" ? "knowledge.editTitle" : "knowledge.proposeTitle");
  return (
    <Modal
      open
      title={title}
      onCancel={() => onClose()}
      width={640}
      destroyOnHidden
      footer={
        <Space>
          <Button onClick={() => onClose()}>{t("common.cancel")}</Button>
          {mode.kind === "edit" && mode.entry.status !== "approved" && (
            <Button loading={busy} onClick={() => void save(true)} data-testid="faq-save-approve">
              {t("knowledge.saveApprove")}
            </Button>
          )}
          <Button type="primary" loading={busy} onClick={() => void save(false)} data-testid="faq-save">
            {mode.kind === "propose" ? t("knowledge.submitProposal") : t("common.save")}
          </Button>
        </Space>
      }
    >
      {mode.kind === "propose" && (
        <Typography.Paragraph type="secondary" style={{ fontSize: 13 }}>
          {t("knowledge.proposeHint")}
        </Typography.Paragraph>
      )}
      <Form<Values> form={form} layout="vertical" requiredMark={false}>
        <Form.Item
          name="questions"
          label={t("knowledge.questions")}
          extra={t("knowledge.questionsHint")}
          rules={[{ validator: (_r, v: string) => (questionLines(v ?? "").length > 0 ? Promise.resolve() : Promise.reject(new Error(t("knowledge.questionsRequired")))) }]}
        >
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} data-testid="faq-questions" />
        </Form.Item>
        <Form.Item
          name="answer"
          label={t("knowledge.answer")}
          extra={t("quickReplies.variablesHint", { variables: VARIABLES.map((v) => `{${v}}`).join(" ") })}
          rules={[
            { required: true, whitespace: true, message: t("knowledge.answerRequired") },
            { validator: (_r, v: string) => (hasUnknownVariable(v ?? "") ? Promise.reject(new Error(t("knowledge.unknownVariable"))) : Promise.resolve()) },
          ]}
        >
          <Input.TextArea autoSize={{ minRows: 3, maxRows: 10 }} maxLength={2000} showCount data-testid="faq-answer" />
        </Form.Item>
        <Space wrap size={12} style={{ width: "100%" }}>
          <Form.Item name="intent" label={t("knowledge.intent")} style={{ minWidth: 180 }}>
            <Select data-testid="faq-intent" showSearch optionFilterProp="label" options={INTENTS.map((i) => ({ value: i, label: t(`assistant.intent.${i}`) }))} />
          </Form.Item>
          <Form.Item name="category" label={t("knowledge.category")} style={{ minWidth: 160 }}>
            <AutoComplete options={categories.filter(Boolean).map((c) => ({ value: c }))} data-testid="faq-category" />
          </Form.Item>
          <Form.Item name="stage" label={t("knowledge.stage")} style={{ minWidth: 140 }}>
            <Select allowClear placeholder={t("knowledge.noStage")} options={PRESALES_STAGES.map((s) => ({ value: s, label: t(`stage.${s}`) }))} />
          </Form.Item>
        </Space>
        <Form.Item name="scopeType" label={t("knowledge.scope")}>
          <Radio.Group optionType="button" options={(["shop", "category", "product"] as const).map((s) => ({ value: s, label: t(`knowledge.scopeType.${s}`) }))} />
        </Form.Item>
        {scopeType && scopeType !== "shop" && (
          <Form.Item name="scopeValues" rules={[{ required: true, type: "array", min: 1, message: t("knowledge.scopeRequired") }]}>
            <Select
              mode="multiple"
              loading={products.isPending}
              optionFilterProp="label"
              placeholder={t(scopeType === "product" ? "knowledge.pickProducts" : "knowledge.pickCategories")}
              options={
                scopeType === "product"
                  ? (products.data?.items ?? []).map((p) => ({ value: p.id, label: p.title }))
                  : productCategories.map((c) => ({ value: c, label: c }))
              }
            />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
