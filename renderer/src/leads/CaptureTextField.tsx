import { memo, type ReactNode, type RefObject } from 'react';
import { Textarea, TextInput } from '@mantine/core';
import { useController, useWatch, type UseFormReturn } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { LeadInput } from '../../../core/leads/lead-model';
import { useOwnFieldError } from '../clients/form-helpers';
import type { CaptureValues } from './capture-values';
import { phoneRegions } from '../../../core/phone';
import { PhoneHintText, phoneHint, phonePlaceholder } from '../clients/PhoneValue';
import { isUnclearText } from '../../../core/leads/unclear-text';
import { UnclearHint } from './UnclearMark';
import { DateField } from '../clients/DateField';

type TextFieldName = 'personName' | 'position' | 'phone' | 'email' | 'companyName' | 'city' | 'nextStepOn' | 'notes';

interface Props {
  form: UseFormReturn<CaptureValues, unknown, LeadInput>;
  name: TextFieldName;
  label: string;
  type?: 'text' | 'tel' | 'email' | 'date';
  autoFocus?: boolean;
  /** Also given the input element (the form's first field is focused after each save). */
  inputRef?: RefObject<HTMLInputElement | null>;
  /** A growing text area (notes) instead of one line. */
  multiline?: boolean;
  /** Said under the input (above an error). */
  description?: ReactNode;
  placeholder?: string;
  /** Says under it when its value is text a card gave that could not be read cleanly (UnclearMark.tsx). */
  markUnclear?: boolean;
}

/**
 * A text field of the capture form that follows its own error only: the capture page itself
 * reads no form state, so saving or emptying the form does not re-render every field, and
 * this one re-renders when its message appears or goes. The input is uncontrolled (`register`).
 */
export const CaptureTextField = memo(function CaptureTextField({ form, name, label, type, autoFocus, inputRef, multiline, description, placeholder, markUnclear }: Props) {
  const error = useOwnFieldError(form.control, name);
  const { ref, ...field } = form.register(name);
  // A text area sizes itself to its text when it renders: following its value makes it shrink
  // back when the form is emptied after a save (the value changes without an input event).
  const value = useWatch({ control: form.control, name, disabled: !multiline && !markUnclear });
  const said = description ?? (markUnclear && isUnclearText(value) ? <UnclearHint value={value} /> : undefined);
  if (multiline) return <Textarea label={label} autosize minRows={2} maxRows={6} {...field} ref={ref} description={said} inputWrapperOrder={['label', 'input', 'description', 'error']} error={error} />;
  return (
    <TextInput
      label={label}
      type={type}
      autoFocus={autoFocus}
      placeholder={placeholder}
      {...field}
      ref={(el) => {
        ref(el);
        if (inputRef) inputRef.current = el;
      }}
      description={said}
      inputWrapperOrder={['label', 'input', 'description', 'error']}
      error={error}
    />
  );
});

/**
 * The lead's phone: says under it how the number will be saved, read in the lead's country, then
 * `regions` (this laptop's: the active event's country, the market), as the save reads it. A
 * number that cannot be read is a hint, never an error: it is saved as typed.
 */
export const CapturePhoneField = memo(function CapturePhoneField({ form, label, regions }: { form: Props['form']; label: string; regions: readonly string[] }) {
  const { t } = useTranslation();
  const [phone, country] = useWatch({ control: form.control, name: ['phone', 'country'] });
  const read = phoneRegions([country, ...regions]);
  const hint = phoneHint(phone, read, t);
  return <CaptureTextField form={form} name="phone" label={label} type="tel" placeholder={phonePlaceholder(read)} description={hint && <PhoneHintText hint={hint} />} />;
});

/**
 * The next step's day, typed and shown in the person's locale (clients/DateField.tsx), like every
 * date the app shows; its own error only, as the text fields.
 */
export const CaptureDateField = memo(function CaptureDateField({ form, name, label }: { form: Props['form']; name: 'nextStepOn'; label: string }) {
  const error = useOwnFieldError(form.control, name);
  const { field } = useController({ control: form.control, name });
  return <DateField label={label} name={field.name} value={field.value} onChange={field.onChange} onBlur={field.onBlur} ref={field.ref} error={error} />;
});
