import { ScreenHeading } from "./screen-heading.tsx";

/** A screen another part of the console fills in. */
export function PlaceholderScreen({ title, text }: { title: string; text: string }) {
  return (
    <>
      <ScreenHeading title={title}>{title}</ScreenHeading>
      <p>{text}</p>
    </>
  );
}
