import type { ReactNode } from 'react';
import Button from 'react-bootstrap/Button';
import Modal from 'react-bootstrap/Modal';

interface ConfirmModalProps {
  show: boolean;
  title: string;
  children: ReactNode;
  confirmLabel: string;
  onConfirm: () => void;
  onCancel: () => void;
  variant?: 'danger' | 'primary';
  testId?: string;
}

/** Asks once before a destructive action (deleting an address or a card). */
export function ConfirmModal({ show, title, children, confirmLabel, onConfirm, onCancel, variant = 'danger', testId = 'confirm-modal' }: ConfirmModalProps) {
  return (
    <Modal show={show} onHide={onCancel} centered aria-labelledby={`${testId}-title`} data-testid={testId}>
      <Modal.Header closeButton>
        <Modal.Title id={`${testId}-title`} as="h2" className="h5">
          {title}
        </Modal.Title>
      </Modal.Header>
      <Modal.Body>{children}</Modal.Body>
      <Modal.Footer>
        <Button variant="secondary" onClick={onCancel}>
          Cancel
        </Button>
        <Button variant={variant} onClick={onConfirm} data-testid={`${testId}-confirm`}>
          {confirmLabel}
        </Button>
      </Modal.Footer>
    </Modal>
  );
}
