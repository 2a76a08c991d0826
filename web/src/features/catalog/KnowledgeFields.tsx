// The knowledge part of the product form (SPEC §2): material, size chart rows (the size
// helper reads "160–165 cm / 48–55 kg" from them), care, selling points, who it suits,
// known limits, common questions and the shop's search words.
import { DeleteOutlined, PlusOutlined } from "@ant-design/icons";
import { Button, Flex, Form, Input } from "antd";
import { useTranslation } from "react-i18next";

export function KnowledgeFields() {
  const { t } = useTranslation();
  return (
    <>
      <Form.Item name={["knowledge", "material"]} label={t("catalog.edit.material")}>
        <Input maxLength={500} data-testid="edit-material" />
      </Form.Item>
      <Form.Item label={t("catalog.edit.sizeChart")}>
        <Form.List name={["knowledge", "sizeChart"]}>
          {(fields, { add, remove }) => (
            <Flex vertical gap={6}>
              {fields.map((field) => (
                <Flex key={field.key} gap={6} align="start">
                  <Form.Item name={[field.name, "size"]} noStyle>
                    <Input placeholder={t("catalog.edit.chartSize")} maxLength={20} style={{ width: 90 }} />
                  </Form.Item>
                  <Form.Item name={[field.name, "text"]} noStyle>
                    <Input placeholder={t("catalog.edit.chartText")} maxLength={200} />
                  </Form.Item>
                  <Button type="text" icon={<DeleteOutlined />} aria-label={t("catalog.edit.removeRow")} onClick={() => remove(field.name)} />
                </Flex>
              ))}
              <Button type="dashed" size="small" icon={<PlusOutlined />} onClick={() => add({ size: "", text: "" })} style={{ alignSelf: "start" }}>
                {t("catalog.edit.addRow")}
              </Button>
            </Flex>
          )}
        </Form.List>
      </Form.Item>
      <Form.Item name={["knowledge", "care"]} label={t("catalog.edit.care")}>
        <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} maxLength={500} />
      </Form.Item>
      <Form.Item name={["knowledge", "sellingPoints"]} label={t("catalog.edit.sellingPoints")}>
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} />
      </Form.Item>
      <Form.Item name={["knowledge", "suits"]} label={t("catalog.edit.suits")}>
        <Input maxLength={500} />
      </Form.Item>
      <Form.Item name={["knowledge", "knownLimits"]} label={t("catalog.edit.knownLimits")}>
        <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} maxLength={500} data-testid="edit-known-limits" />
      </Form.Item>
      <Form.Item label={t("catalog.edit.faq")}>
        <Form.List name={["knowledge", "faq"]}>
          {(fields, { add, remove }) => (
            <Flex vertical gap={6}>
              {fields.map((field) => (
                <Flex key={field.key} gap={6} align="start">
                  <Form.Item name={[field.name, "q"]} noStyle>
                    <Input placeholder={t("catalog.edit.faqQ")} maxLength={200} style={{ width: "40%" }} />
                  </Form.Item>
                  <Form.Item name={[field.name, "a"]} noStyle>
                    <Input.TextArea placeholder={t("catalog.edit.faqA")} autoSize={{ minRows: 1, maxRows: 4 }} maxLength={1000} />
                  </Form.Item>
                  <Button type="text" icon={<DeleteOutlined />} aria-label={t("catalog.edit.removeRow")} onClick={() => remove(field.name)} />
                </Flex>
              ))}
              <Button type="dashed" size="small" icon={<PlusOutlined />} onClick={() => add({ q: "", a: "" })} style={{ alignSelf: "start" }}>
                {t("catalog.edit.addRow")}
              </Button>
            </Flex>
          )}
        </Form.List>
      </Form.Item>
      <Form.Item name={["knowledge", "keywords"]} label={t("catalog.edit.keywords")}>
        <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} />
      </Form.Item>
    </>
  );
}
