import { createContext, useCallback, useContext, useMemo, useRef, useState, type ReactNode } from 'react';

export type ToastTone = 'info' | 'error' | 'success';
interface ToastItem {
  id: number;
  title: string;
  body?: string;
  tone: ToastTone;
}

type Show = (title: string, body?: string, tone?: ToastTone) => void;
const ToastContext = createContext<Show>(() => undefined);

/** In-app notifications (also the web fallback for OS notifications). */
export function ToastProvider({ children }: { children: ReactNode }) {
  const [items, setItems] = useState<ToastItem[]>([]);
  const next = useRef(1);
  const show = useCallback<Show>((title, body, tone = 'info') => {
    const id = next.current++;
    setItems((list) => [...list.slice(-3), { id, title, ...(body ? { body } : {}), tone }]);
    setTimeout(() => setItems((list) => list.filter((t) => t.id !== id)), tone === 'error' ? 8_000 : 4_000);
  }, []);
  const value = useMemo(() => show, [show]);
  return (
    <ToastContext.Provider value={value}>
      {children}
      <div className="toasts" role="status" aria-live="polite">
        {items.map((t) => (
          <div key={t.id} className={`toast toast--${t.tone}`} data-testid="toast">
            <strong>{t.title}</strong>
            {t.body ? <div>{t.body}</div> : null}
          </div>
        ))}
      </div>
    </ToastContext.Provider>
  );
}

export function useToast(): Show {
  return useContext(ToastContext);
}
