import { createContext, useContext, useMemo, type ReactNode } from 'react';
import type { CardSigner } from './card-signer';
import { createHipkiCardSigner } from './hipki-card-signer';

const CardSignerContext = createContext<CardSigner | null>(null);

/** Supplies the CardSigner the screens use (tests pass a fake; the app uses HiPKI by default). */
export function CardSignerProvider({ signer, children }: { signer: CardSigner; children: ReactNode }) {
  return <CardSignerContext.Provider value={signer}>{children}</CardSignerContext.Provider>;
}

/** The provided CardSigner, else one HiPKI adapter per screen. */
export function useCardSigner(): CardSigner {
  const provided = useContext(CardSignerContext);
  return useMemo(() => provided ?? createHipkiCardSigner(), [provided]);
}
