// The seeds' script library: every script with the seed it quotes, its intent and its
// stage of the pre-sales flow, in the language chosen; loading it gives the shop its
// starting quick replies and FAQ. Loading again adds only what is missing.
import { App, Modal, Radio, Table, Tag, Tooltip, Typography, type ButtonProps } from "antd";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useFaqMutations, useScriptLibrary, type LibraryLocale, type LibraryScript } from "./faq-api";

const LOCALES: LibraryLocale[] = ["zh-CN", "en", "ko"];

export function LibraryModal({ open, shopId, onClose }: { open: boolean; shopId: string; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const library = useScriptLibrary(open);
  const { loadLibrary } = useFaqMutations();
  const [locale, setLocale] = useState<LibraryLocale>(LOCALES.includes(i18n.language as LibraryLocale) ? (i18n.language as LibraryLocale) : "zh-CN");

  const load = async () => {
    try {
      const added = await loadLibrary.mutateAsync({ shopId, locale });
      void message.success(added.quickReplies + added.faq === 0 ? t("knowledge.libraryNothingNew") : t("knowledge.libraryLoaded", { quickReplies: added.quickReplies, faq: added.faq }));
      onClose();
    } catch {
      void message.error(t("knowledge.libraryFailed"));
    }
  };

  return (
    <Modal
      open={open}
      title={t("knowledge.libraryTitle")}
      onCancel={onClose}
      onOk={() => void load()}
      okText={t("knowledge.libraryLoad")}
      cancelText={t("common.cancel")}
      okButtonProps={{ loading: loadLibrary.isPending, "data-testid": "faq-library-load" } as ButtonProps}
      width={860}
    >
      <Typography.Paragraph type="secondary" style={{ fontSize: 13 }}>
        {t("knowledge.libraryHint")}
      </Typography.Paragraph>
      <Radio.Group value={locale} onChange={(e) => setLocale(e.target.value as LibraryLocale)} optionType="button" style={{ marginBottom: 12 }} options={LOCALES.map((l) => ({ value: l, label: t(`language.${l}`) }))} />
      <Table<LibraryScript>
        rowKey="key"
        size="small"
        loading={library.isPending}
        dataSource={library.data?.scripts ?? []}
        pagination={{ pageSize: 8 }}
        columns={[
          {
            title: t("knowledge.seed"),
            key: "seed",
            width: 90,
            render: (_v, s) => (
              <Tooltip title={<span style={{ whiteSpace: "pre-wrap" }}>{`${s.where}\n“${s.quote}”`}</span>}>
                <Tag>{s.seed}</Tag>
                {s.adapted && <Typography.Text type="secondary" style={{ fontSize: 11 }}>{t("knowledge.adapted")}</Typography.Text>}
              </Tooltip>
            ),
          },
          { title: t("knowledge.stage"), key: "stage", width: 80, render: (_v, s) => (s.stage ? t(`stage.${s.stage}`) : t("knowledge.anyStage")) },
          { title: t("knowledge.intent"), key: "intent", width: 100, render: (_v, s) => t(`assistant.intent.${s.intent}`) },
          {
            title: t("knowledge.answer"),
            key: "text",
            render: (_v, s) => (
              <Typography.Paragraph style={{ margin: 0, fontSize: 13 }} ellipsis={{ rows: 2, tooltip: s.text[locale] }}>
                <Typography.Text code>/{s.shortcut}</Typography.Text> {s.text[locale]}
              </Typography.Paragraph>
            ),
          },
          { title: t("knowledge.faqTag"), key: "faq", width: 60, render: (_v, s) => (s.questions ? <Tag color="purple">{t("knowledge.faqTag")}</Tag> : null) },
        ]}
      />
    </Modal>
  );
}
