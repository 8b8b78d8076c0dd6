import type { Field } from 'payload'
import { isPublisherField, staffOnlyField } from '../access/index.ts'

/**
 * The one way to keep a photo's metadata: an editor's explicit choice per image, off by default,
 * read by staff only. stripUploadedPhoto acts on it (ADR 0023).
 */
export const keepMetadataField: Field = {
  name: 'keepMetadata',
  type: 'checkbox',
  defaultValue: false,
  label: {
    en: 'Keep location and camera data (dangerous)',
    ru: 'Сохранить геоданные и данные камеры (опасно)',
  },
  access: { read: staffOnlyField, create: isPublisherField, update: isPublisherField },
  admin: {
    position: 'sidebar',
    // One image at a time: a bulk edit cannot clean files (stripUploadedPhoto refuses it).
    disableBulkEdit: true,
    description: {
      en:
        'Off (recommended): the photo is stored and published without its GPS position, camera make, model and ' +
        'serial number, owner, artist and copyright names, and XMP/IPTC personal data; it is turned upright and ' +
        'keeps its colour profile. On: the original of a file uploaded while this is ticked keeps all of it, on the ' +
        'site and in press kits, and anyone who downloads it can read where and when it was taken, with which camera ' +
        'and by whom. That can put the people in the photo and the photographer in danger. Web sizes never keep it. ' +
        'Ticking this for an image already uploaded cannot bring its metadata back (upload the file again); ' +
        'unticking it removes the metadata when you save. Editors and admins only.',
      ru:
        'Выключено (рекомендуется): фото хранится и публикуется без GPS-координат, марки, модели и серийного ' +
        'номера камеры, имён владельца, автора и правообладателя и персональных данных XMP/IPTC; оно повёрнуто ' +
        'правильно и сохраняет цветовой профиль. Включено: оригинал файла, загруженного при включённом флажке, ' +
        'сохраняет всё это — на сайте и в пресс-китах, — и любой, кто его скачает, узнает, где и когда сделан ' +
        'снимок, какой камерой и кем. Это может подвергнуть опасности людей на фото и фотографа. Веб-размеры ' +
        'эти данные никогда не сохраняют. Включение флажка для уже загруженного изображения не вернёт его ' +
        'метаданные (загрузите файл заново); выключение удаляет их при сохранении. Только для редакторов и ' +
        'администраторов.',
    },
  },
}
