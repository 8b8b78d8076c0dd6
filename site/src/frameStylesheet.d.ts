/** The shared frame stylesheet, served by site/src/integrations/frameStylesheet.ts. */
declare module 'pressroom:frame.css'
